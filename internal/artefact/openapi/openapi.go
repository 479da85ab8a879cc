// Package openapi reads OpenAPI 3.0 and 3.1 documents (YAML or JSON) into
// facts about their operations: whether each is secured and how, whether
// a list operation pages and how far, which responses it declares and
// whether a 429 says when to retry, and whether the API's version is in
// its server URLs or paths, each fact at the key that states it.
//
// Specs are decoded by the design-review loader, with its guards and
// positions; a $ref is followed only inside the same document (#/…),
// never to another file or URL.
//
// kin-openapi and libopenapi were tried first (see the commit that says
// so): both give operation positions, but each brings a second YAML parser
// with its own limits and column counting, kin-openapi refuses a whole
// spec that has one external $ref when those are disallowed, and
// libopenapi took 3.4 s and 300 MB on a 5,000-level schema. The facts need
// a dozen fields and no validation, so the loader archvet already fuzzes
// reads them.
package openapi

import (
	"net/url"
	"regexp"
	"sort"
	"strings"

	"github.com/archvet/archvet/internal/artefact/fact"
	"github.com/archvet/archvet/internal/diag"
)

// Reader reads OpenAPI files.
type Reader struct{}

// Kind is the `_artefacts` key the reader fills.
func (Reader) Kind() string { return "openapi" }

// methods are the operations of a path item, in the order they are listed.
var methods = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}

// Read returns {"specs": [...]}, one per file that is an OpenAPI 3
// document, in file order; operations by path, then method.
func (Reader) Read(paths []string, lim fact.Limits) (any, diag.Diagnostics) {
	var diags diag.Diagnostics
	specs := []any{}
	budget := lim.MaxDocuments
	for _, p := range paths {
		src, bad := fact.ReadFile(p, lim)
		if bad != nil {
			diags = append(diags, *bad)
			continue
		}
		s, ds := readSpec(p, src, lim, &budget)
		diags = append(diags, ds...)
		if s != nil {
			specs = append(specs, s)
		}
	}
	return map[string]any{"specs": specs}, diags
}

// readSpec reads one file; nil when it is not an OpenAPI 3 document.
func readSpec(p string, src []byte, lim fact.Limits, budget *int) (map[string]any, diag.Diagnostics) {
	docs, ds := fact.LoadYAML(p, src, lim, budget)
	if len(docs) == 0 {
		return nil, ds
	}
	root := fact.Root(docs[0])
	version := root.Key("openapi")
	if v := version.String(); !strings.HasPrefix(v, "3.0") && !strings.HasPrefix(v, "3.1") {
		what := "it has no openapi: 3.0.x or 3.1.x key"
		if s := root.Key("swagger").String(); s != "" {
			what = "it is Swagger " + s + " (OpenAPI 2), which archvet does not read"
		}
		return nil, append(ds, diag.Warningf(version.At().Range(), "%s is not an OpenAPI 3 document: %s", p, what))
	}
	return spec(p, root), ds
}

func spec(path string, root fact.Node) map[string]any {
	facts := map[string]any{}
	if f := versionInServers(root.Key("servers")); f != nil {
		facts["version_in_servers"] = f
	}
	pathItems := root.Key("paths")
	names := keys(pathItems)
	if f := versionInPaths(pathItems, names); f != nil {
		facts["version_in_paths"] = f
	}
	ops := []any{}
	for _, name := range names {
		item := resolve(pathItems.Key(name))
		for _, m := range methods {
			if op := item.Key(m); op.Present() {
				ops = append(ops, operation(root, item, op, name, m))
			}
		}
	}
	out := map[string]any{
		"file":       path,
		"version":    root.Key("openapi").String(),
		"at":         root.Key("openapi").At().Value(),
		"facts":      facts,
		"operations": ops,
	}
	if v := root.Get("info", "version").Value(); v != nil {
		out["api_version"] = v
	}
	out["hosts"] = serverHosts(root.Key("servers"))
	return out
}

// serverHosts are the host names of the spec's absolute server URLs, in
// order, once each: where an ingress or gateway routes the API from.
func serverHosts(servers fact.Node) []any {
	hosts := []any{}
	for _, s := range servers.Items() {
		u, err := url.Parse(s.Key("url").String())
		if err != nil || u.Hostname() == "" || strings.Contains(u.Hostname(), "{") || contains(hosts, u.Hostname()) {
			continue
		}
		hosts = append(hosts, u.Hostname())
	}
	return hosts
}

// keys are a mapping's keys, sorted.
func keys(n fact.Node) []string {
	m := n.Map()
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// versionSegment is a major version in a URL path: /v1/, /v2.
var versionSegment = regexp.MustCompile(`(?i)/v[0-9]+(\.[0-9]+)*(/|$)`)

func versionInServers(servers fact.Node) map[string]any {
	items := servers.Items()
	if len(items) == 0 {
		return nil
	}
	for _, s := range items {
		if versionSegment.MatchString(s.Key("url").String()) {
			return s.Key("url").Known(true)
		}
	}
	return items[0].Key("url").Known(false)
}

// operational are paths a platform probes, which are rarely versioned
// with the API (/health, /metrics): they neither make nor break URL
// versioning.
var operational = map[string]bool{
	"health": true, "healthz": true, "ready": true, "readyz": true, "live": true, "livez": true,
	"status": true, "metrics": true, "ping": true, "version": true,
}

// versionInPaths is true when every path (operational ones aside) starts
// with a version segment, at the first; else false at the first path
// that does not.
func versionInPaths(paths fact.Node, names []string) map[string]any {
	var first string
	for _, name := range names {
		if operational[strings.ToLower(strings.Trim(name, "/"))] {
			continue
		}
		if loc := versionSegment.FindStringIndex(name); loc == nil || loc[0] != 0 {
			return paths.Key(name).Known(false)
		}
		if first == "" {
			first = name
		}
	}
	if first == "" {
		return nil
	}
	return paths.Key(first).Known(true)
}

// maxRefs bounds a chain of $refs, which could otherwise loop.
const maxRefs = 8

// resolve follows a $ref inside the document (#/components/…). A ref to
// another file or a URL is not followed: the node is returned as it is.
func resolve(n fact.Node) fact.Node {
	for range maxRefs {
		ref := n.Key("$ref").String()
		if !strings.HasPrefix(ref, "#/") {
			return n
		}
		target := n.Top()
		for _, seg := range strings.Split(ref[2:], "/") {
			target = target.Key(strings.ReplaceAll(strings.ReplaceAll(seg, "~1", "/"), "~0", "~"))
		}
		if !target.Present() {
			return n
		}
		n = target
	}
	return n
}

func operation(root, item, op fact.Node, path, method string) map[string]any {
	params := parameters(item, op)
	facts := map[string]any{}
	secured, schemes := security(root, op)
	facts["secured"] = secured
	if schemes != nil {
		facts["authentication"] = schemes
	}
	responses := op.Key("responses")
	codes := keys(responses)
	facts["responses"] = responses.Known(toAny(codes))
	facts["retry_after_on_429"] = retryAfter(responses)
	list := method == "get" && isList(path, responses)
	facts["list"] = op.Known(list)
	if list {
		paging(params, op, facts)
	}
	if !safeMethods[method] {
		facts["idempotency_key"] = idempotencyKey(params, op)
	}
	out := map[string]any{"method": method, "path": path, "at": op.At().Value(), "facts": facts}
	if operational[strings.ToLower(strings.Trim(path, "/"))] {
		out["operational"] = true // a probe's endpoint, often open on purpose
	}
	if id := op.Key("operationId").String(); id != "" {
		out["operation_id"] = id
	}
	return out
}

// parameters are the operation's parameters over the path item's, by
// name and location, each resolved.
func parameters(item, op fact.Node) []fact.Node {
	var out []fact.Node
	seen := map[string]int{}
	for _, src := range []fact.Node{item, op} {
		for _, p := range src.Key("parameters").Items() {
			p = resolve(p)
			key := p.Key("in").String() + ":" + p.Key("name").String()
			if i, dup := seen[key]; dup {
				out[i] = p
				continue
			}
			seen[key] = len(out)
			out = append(out, p)
		}
	}
	return out
}

func toAny(s []string) []any {
	out := make([]any, len(s))
	for i, x := range s {
		out[i] = x
	}
	return out
}
