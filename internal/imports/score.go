package imports

import (
	"strings"

	"github.com/archvet/archvet/internal/document"
)

// storeKinds maps Score resource types to the kind and engine of a data
// store. Other types (dns, route, volume, environment, service...) are not
// data stores and are skipped.
var storeKinds = map[string][2]string{
	"postgres":      {"relational", "PostgreSQL"},
	"postgresql":    {"relational", "PostgreSQL"},
	"mysql":         {"relational", "MySQL"},
	"mariadb":       {"relational", "MariaDB"},
	"mssql":         {"relational", "SQL Server"},
	"mongodb":       {"document", "MongoDB"},
	"redis":         {"key-value", "Redis"},
	"valkey":        {"key-value", "Valkey"},
	"dynamodb":      {"key-value", "DynamoDB"},
	"memcached":     {"cache", "Memcached"},
	"elasticsearch": {"search", "Elasticsearch"},
	"opensearch":    {"search", "OpenSearch"},
	"s3":            {"object", "S3"},
	"bucket":        {"object", ""},
	"kafka":         {"stream", "Kafka"},
	"kafka-topic":   {"stream", "Kafka"},
	"rabbitmq":      {"queue", "RabbitMQ"},
	"amqp":          {"queue", ""},
	"sqs":           {"queue", "SQS"},
}

// score merges a Score workload:
//
//	containers.*.livenessProbe    processes.health_checks.liveness
//	containers.*.readinessProbe   processes.health_checks.readiness
//	service.ports.*.targetPort    processes.port_binding.port (else port)
//	resources.* by type           data_stores (postgres -> relational...)
//	resources.* of type           dependencies (the workload named by
//	service-port                  params.workload, kind internal-service)
//
// Probes are read from the first container, in file order, that has
// them. Resource requests and limits have no field in the format and are
// not imported.
func (m *merger) score(rel, field string) {
	path, docs, ok := m.load(rel, field, "Score file")
	if !ok {
		return
	}
	var w *document.Document
	for _, d := range docs {
		if v, _ := get(d, "apiVersion"); v != nil {
			if s, ok := v.(string); ok && strings.HasPrefix(s, "score.dev/") {
				w = d
				break
			}
		}
	}
	if w == nil {
		m.errorf(at(m.doc, field), "the imported Score file %s holds no workload (apiVersion: score.dev/...)", path)
		return
	}
	src := source{doc: w, field: field}
	m.probes(src)
	m.ports(src)
	m.resources(src)
}

func (m *merger) mapping(src source, keys ...string) (map[string]any, string) {
	v, path := get(src.doc, keys...)
	if v == nil {
		return nil, path
	}
	obj, ok := v.(map[string]any)
	if !ok {
		m.errorf(at(src.doc, path), "%s: want a mapping", path)
	}
	return obj, path
}

func (m *merger) probes(src source) {
	containers, cpath := m.mapping(src, "containers")
	for _, probe := range []struct{ key, field string }{
		{"livenessProbe", "liveness"},
		{"readinessProbe", "readiness"},
	} {
		for _, name := range orderedKeys(src.doc, cpath, containers) {
			c, _ := containers[name].(map[string]any)
			p, ok := c[probe.key].(map[string]any)
			if !ok {
				continue
			}
			from := document.JoinKey(document.JoinKey(cpath, name), probe.key)
			if check := probeCheck(p); check != "" {
				m.set([]string{"processes", "health_checks", probe.field}, check, src, from)
				break
			}
		}
	}
}

// probeCheck spells a Score probe as the review does: the HTTP path, or
// the command.
func probeCheck(p map[string]any) string {
	if h, ok := p["httpGet"].(map[string]any); ok {
		if path, ok := h["path"].(string); ok && path != "" {
			return path
		}
	}
	if e, ok := p["exec"].(map[string]any); ok {
		var parts []string
		cmd, _ := e["command"].([]any)
		for _, c := range cmd {
			if s, ok := c.(string); ok {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, " ")
	}
	return ""
}

func (m *merger) ports(src source) {
	ports, ppath := m.mapping(src, "service", "ports")
	keys := orderedKeys(src.doc, ppath, ports)
	if len(keys) == 0 {
		return
	}
	base := document.JoinKey(ppath, keys[0])
	p, _ := ports[keys[0]].(map[string]any)
	for _, key := range []string{"targetPort", "port"} {
		from := document.JoinKey(base, key)
		n, ok := m.number(src, p[key], from)
		if !ok {
			continue
		}
		if n < 1 || n > 65535 || n != float64(int64(n)) {
			m.errorf(at(src.doc, from), "%s: %v is not a port number", from, n)
			return
		}
		m.set([]string{"processes", "port_binding", "port"}, int64(n), src, from)
		return
	}
}

func (m *merger) resources(src source) {
	res, rpath := m.mapping(src, "resources")
	for _, name := range orderedKeys(src.doc, rpath, res) {
		r, _ := res[name].(map[string]any)
		typ, _ := r["type"].(string)
		if strings.EqualFold(typ, "service-port") {
			m.servicePort(src, document.JoinKey(rpath, name), r)
			continue
		}
		kind, ok := storeKinds[strings.ToLower(typ)]
		if !ok {
			continue
		}
		from := document.JoinKey(rpath, name)
		e, epath := m.entry([]string{"data_stores"}, name, src, from)
		if e == nil {
			continue
		}
		tpath := document.JoinKey(from, "type")
		m.fill(e, epath, "kind", kind[0], src, tpath)
		if kind[1] != "" {
			m.fill(e, epath, "engine", kind[1], src, tpath)
		}
	}
}

// servicePort imports a service-port resource, a dependency on another
// workload's port, as a dependency on that workload.
func (m *merger) servicePort(src source, from string, r map[string]any) {
	params, _ := r["params"].(map[string]any)
	wpath := document.JoinKey(document.JoinKey(from, "params"), "workload")
	workload, _ := params["workload"].(string)
	if workload == "" {
		m.warnf(at(src.doc, from), "%s: a service-port resource without params.workload names no workload; it is not imported", from)
		return
	}
	if e, epath := m.entry([]string{"dependencies"}, workload, src, wpath); e != nil {
		m.fill(e, epath, "kind", "internal-service", src, wpath)
	}
}
