package scaffold

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/internal/document"
	"github.com/archvet/archvet/internal/imports"
	"github.com/archvet/archvet/internal/regularfile"
	"github.com/archvet/archvet/internal/repo"
)

// FromOptions say what `archvet init --from DIR` reads and writes.
type FromOptions struct {
	// Dir is the directory whose files the draft is made from.
	Dir string
	// File is where the draft will be written: the paths it names are
	// relative to its directory, as a review's are.
	File string
	// Name, Owner and Tier set the service; an empty Name or Owner is
	// taken from the Backstage entity, else from Dir's name.
	Name, Owner string
	Tier        int
	// Read reads the Terraform, manifests and OpenAPI specs; nil reads
	// none of them.
	Read checks.ArtefactReader
}

// Draft is a review drafted from a repository's files.
type Draft struct {
	// Value holds the review's fields.
	Value map[string]any
	// Sources names, for each filled leaf, the file and line it came from,
	// relative to the draft's directory: "infra/db.tf:12".
	Sources map[string]string
	// Read lists the files and directories the draft was made from.
	Read []string
}

// Bounds of the look around Dir: the files a repository keeps at known
// places, never a walk of the whole tree.
const (
	maxEntries  = 512     // entries listed in one directory
	maxSniff    = 1 << 20 // bytes read of a file to tell what it is
	maxDocDepth = 3       // directory levels searched under docs/
)

// FromDir drafts a review from what Dir holds: a Backstage catalog entry,
// a Score workload and OpenSLO objectives (merged as imports are), the
// Terraform, Kubernetes manifests and OpenAPI specs (their facts, as
// derived facts are), and the documents it keeps under docs/ (runbooks, a
// threat model, a capacity or recovery plan). Every filled field is
// indexed at the line it came from. Problems reading the files are
// diagnostics; a file that cannot be read is left out of the draft.
func FromDir(o FromOptions) (*Draft, diag.Diagnostics) {
	dir := filepath.Clean(o.Dir)
	info, err := os.Stat(dir)
	if err != nil || !info.IsDir() {
		return nil, diag.Diagnostics{diag.Errorf(&diag.Range{Filename: dir}, "--from wants a directory")}
	}
	f := &finder{dir: dir}
	review := f.synthetic(o)
	virtual := filepath.Join(dir, ".archvet-draft.yaml")
	doc, ds := document.LoadYAML(virtual, review)
	if ds.HasErrors() {
		return nil, ds
	}
	is := imports.Apply(doc)
	ds = append(ds, is...)
	if is.HasErrors() {
		return nil, ds
	}
	facts, as := checks.ReadArtefacts(doc, o.Read)
	ds = append(ds, as...)
	if as.HasErrors() {
		return nil, ds
	}
	d := &drafter{doc: doc, facts: facts}
	d.entries()
	checks.Derive(doc, facts)
	d.more(f)
	if _, ok := lookup(doc.Value, "service", "name").(string); !ok {
		setPath(doc.Value, []string{"service", "name"}, serviceName(dir))
	}
	if _, ok := lookup(doc.Value, "service", "owner").(string); !ok {
		name, _ := lookup(doc.Value, "service", "name").(string)
		setPath(doc.Value, []string{"service", "owner"}, "team-"+name)
	}
	delete(doc.Value, checks.ArtefactsKey)
	out := &Draft{Value: doc.Value, Sources: map[string]string{}, Read: f.read}
	base := filepath.Dir(o.File)
	for _, p := range doc.Index.Paths() {
		r, _, _ := doc.Index.Resolve(p)
		if r.Filename == "" || r.Filename == virtual || !r.Start.Known() {
			continue
		}
		out.Sources[p] = fmt.Sprintf("%s:%d", relTo(base, r.Filename), r.Start.Line)
	}
	relocate(doc.Value, dir, base)
	return out, ds
}

// relTo is path relative to base, slash-separated.
func relTo(base, path string) string {
	ab, err1 := filepath.Abs(base)
	ap, err2 := filepath.Abs(path)
	if err1 != nil || err2 != nil {
		return filepath.ToSlash(path)
	}
	rel, err := filepath.Rel(ab, ap)
	if err != nil {
		return filepath.ToSlash(path)
	}
	return filepath.ToSlash(rel)
}

// relocate rewrites the paths the draft names (imports, artefacts, specs,
// documents), which are relative to dir, to be relative to the draft's
// directory instead.
func relocate(v map[string]any, dir, base string) {
	move := func(p string) string {
		if p == "" || strings.Contains(p, "://") || filepath.IsAbs(p) {
			return p
		}
		rel := relTo(base, filepath.Join(dir, filepath.FromSlash(p)))
		if strings.HasSuffix(p, "/") {
			rel += "/"
		}
		return rel
	}
	moveAll := func(obj map[string]any, key string) {
		switch x := obj[key].(type) {
		case string:
			obj[key] = move(x)
		case []any:
			for i, s := range x {
				if str, ok := s.(string); ok {
					x[i] = move(str)
				}
			}
		}
	}
	if imp, ok := v["imports"].(map[string]any); ok {
		for _, k := range []string{"backstage", "score", "openslo"} {
			moveAll(imp, k)
		}
	}
	if art, ok := v["artefacts"].(map[string]any); ok {
		for _, k := range checks.ArtefactKinds {
			moveAll(art, k)
		}
	}
	apis, _ := v["apis"].([]any)
	for _, a := range apis {
		if api, ok := a.(map[string]any); ok {
			moveAll(api, "spec")
		}
	}
	slos, _ := v["slos"].([]any)
	for _, s := range slos {
		if slo, ok := s.(map[string]any); ok {
			moveAll(slo, "error_budget_policy")
		}
	}
	alerts, _ := lookup(v, "observability", "alerts").([]any)
	for _, a := range alerts {
		if alert, ok := a.(map[string]any); ok {
			moveAll(alert, "runbook")
		}
	}
	for _, keys := range append([][]string{{"operations", "runbooks"}, {"observability", "dashboards"}, {"build", "manifest"}, {"build", "lockfile"}}, documentKeys()...) {
		if obj, ok := lookup(v, keys[:len(keys)-1]...).(map[string]any); ok {
			moveAll(obj, keys[len(keys)-1])
		}
	}
}

// --- finding the files -------------------------------------------------------

type finder struct {
	dir  string
	read []string
}

// names lists a directory's entries, sorted, at most maxEntries.
func (f *finder) names(dir string) []string {
	d, err := os.Open(dir)
	if err != nil {
		return nil
	}
	defer d.Close()
	names, _ := d.Readdirnames(maxEntries)
	sort.Strings(names)
	return names
}

// sniff reads the start of a regular file inside the repository; nil for
// anything else.
func (f *finder) sniff(path string) []byte {
	src, err := regularfile.Read(path, 10<<20)
	if err != nil {
		return nil
	}
	if len(src) > maxSniff {
		src = src[:maxSniff]
	}
	return src
}

func (f *finder) first(names ...string) string {
	for _, n := range names {
		if info, err := os.Lstat(filepath.Join(f.dir, n)); err == nil && info.Mode().IsRegular() {
			return n
		}
	}
	return ""
}

var (
	openSLOKind = regexp.MustCompile(`(?m)^\s*(-\s+)?apiVersion:\s*["']?openslo/`)
	openAPIRoot = regexp.MustCompile(`(?m)^(openapi:\s*["']?3\.|\{?\s*"openapi"\s*:\s*"3\.)`)
)

// within lists the files of the given subdirectories of Dir (and Dir
// itself for "") whose name ends in one of exts and whose start matches.
func (f *finder) within(subdirs []string, exts []string, match *regexp.Regexp, skip map[string]bool) []string {
	var out []string
	for _, sub := range subdirs {
		for _, name := range f.names(filepath.Join(f.dir, sub)) {
			rel := filepath.ToSlash(filepath.Join(sub, name))
			if skip[rel] || !hasExt(name, exts) {
				continue
			}
			if src := f.sniff(filepath.Join(f.dir, sub, name)); src != nil && match.Match(src) {
				out = append(out, rel)
			}
		}
	}
	return out
}

func hasExt(name string, exts []string) bool {
	lower := strings.ToLower(name)
	for _, e := range exts {
		if strings.HasSuffix(lower, e) {
			return true
		}
	}
	return false
}

// synthetic is the review the draft starts from: the service as the
// options give it, and imports and artefacts naming what Dir holds.
func (f *finder) synthetic(o FromOptions) []byte {
	var b bytes.Buffer
	b.WriteString("format_version: 1\nservice:\n")
	if o.Name != "" {
		fmt.Fprintf(&b, "  name: %s\n", yamlScalar(o.Name))
	}
	if o.Owner != "" {
		fmt.Fprintf(&b, "  owner: %s\n", yamlScalar(o.Owner))
	}
	fmt.Fprintf(&b, "  tier: %d\n", o.Tier)
	backstage := f.first("catalog-info.yaml", "catalog-info.yml")
	score := f.first("score.yaml", "score.yml")
	skip := map[string]bool{backstage: true, score: true}
	slos := f.within([]string{"", "slo", "slos", "openslo"}, []string{".yaml", ".yml"}, openSLOKind, skip)
	if backstage != "" || score != "" || len(slos) > 0 {
		b.WriteString("imports:\n")
		if backstage != "" {
			fmt.Fprintf(&b, "  backstage: %s\n", yamlScalar(backstage))
			f.read = append(f.read, backstage)
		}
		if len(slos) > 0 {
			fmt.Fprintf(&b, "  openslo: %s\n", flow(toAny(slos)))
			f.read = append(f.read, slos...)
		}
		if score != "" {
			fmt.Fprintf(&b, "  score: %s\n", yamlScalar(score))
			f.read = append(f.read, score)
		}
	}
	specs := f.within([]string{"", "api", "apis", "openapi", "spec", "specs"}, []string{".yaml", ".yml", ".json"}, openAPIRoot, skip)
	var tf, k8s []string
	for kind, dirs := range checks.DefaultArtefactDirs {
		for _, d := range dirs {
			if info, err := os.Stat(filepath.Join(f.dir, d)); err == nil && info.IsDir() && repo.Within(f.dir, filepath.Join(f.dir, d)) {
				if kind == checks.KindTerraform {
					tf = append(tf, d+"/")
				} else {
					k8s = append(k8s, d+"/")
				}
			}
		}
	}
	sort.Strings(tf)
	sort.Strings(k8s)
	if len(tf)+len(k8s)+len(specs) > 0 {
		b.WriteString("artefacts:\n")
		for _, kind := range []struct {
			key   string
			paths []string
		}{{checks.KindTerraform, tf}, {checks.KindKubernetes, k8s}, {checks.KindOpenAPI, specs}} {
			if len(kind.paths) > 0 {
				fmt.Fprintf(&b, "  %s: %s\n", kind.key, flow(toAny(kind.paths)))
				f.read = append(f.read, kind.paths...)
			}
		}
	}
	return b.Bytes()
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func serviceName(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "my-service"
	}
	name := strings.Join(strings.FieldsFunc(strings.ToLower(filepath.Base(abs)), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}), "-")
	if name == "" {
		return "my-service"
	}
	return name
}

// --- filling the draft -------------------------------------------------------

type drafter struct {
	doc   *document.Document
	facts map[string]any
}

func asMap(v any) map[string]any { m, _ := v.(map[string]any); return m }
func asList(v any) []any         { l, _ := v.([]any); return l }
func str(v any) string           { s, _ := v.(string); return s }

// known is a literal fact the artefact writes, with its position.
func known(facts map[string]any, key string) (any, diag.Range, bool) {
	f := asMap(facts[key])
	if f == nil || f["unknown"] == true || f["default"] == true || f["value"] == nil {
		return nil, diag.Range{}, false
	}
	r := rangeOf(asMap(f["at"]))
	return f["value"], r, r.Filename != ""
}

func rangeOf(at map[string]any) diag.Range {
	r := diag.Range{Filename: str(at["file"])}
	if n, ok := at["line"].(int64); ok {
		r.Start.Line = int(n)
	}
	if n, ok := at["column"].(int64); ok {
		r.Start.Column = int(n)
	}
	r.End = r.Start
	return r
}

// set fills a field unless the draft has it, indexed at its source.
func (d *drafter) set(keys []string, v any, at diag.Range) {
	if at.Filename == "" || lookup(d.doc.Value, keys...) != nil {
		return
	}
	if setPath(d.doc.Value, keys, v) {
		d.doc.Index.Add(strings.Join(keys, "."), at)
	}
}

// storeKinds maps the Terraform reader's kinds to data_stores kinds.
var storeKinds = map[string]string{"relational": "relational", "cache": "cache", "queue": "queue", "bucket": "object", "table": "key-value"}

// engines names the product of a resource type.
var engines = map[string]string{
	"aws_db_instance": "", "aws_rds_cluster": "", "aws_elasticache_replication_group": "Redis",
	"aws_s3_bucket": "S3", "aws_sqs_queue": "SQS", "aws_dynamodb_table": "DynamoDB",
	"google_sql_database_instance": "", "google_storage_bucket": "Cloud Storage",
	"azurerm_postgresql_flexible_server": "PostgreSQL", "azurerm_storage_account": "Azure Storage",
}

// entries adds a data_stores entry for each Terraform store and an apis
// entry for each OpenAPI spec the draft does not have yet, so the facts
// derived for them have a place.
func (d *drafter) entries() {
	for _, r := range asList(asMap(d.facts[checks.KindTerraform])["resources"]) {
		res := asMap(r)
		name, kind := str(res["name"]), storeKinds[str(res["kind"])]
		at := rangeOf(asMap(res["at"]))
		if name == "" || kind == "" || at.Filename == "" || str(res["replica_of"]) != "" {
			continue // a read replica is a copy of its source's store, not a store
		}
		i, _ := d.entry("data_stores", name, at)
		if i < 0 {
			continue
		}
		// Whichever file named the store first, its Terraform resource
		// says what it is, and that a provider runs it: every resource
		// type read is a managed service. setEntry keeps what another
		// source already stated.
		d.setEntry("data_stores", i, "kind", kind, at)
		if e := engines[str(res["type"])]; e != "" {
			d.setEntry("data_stores", i, "engine", e, at)
		}
		d.setEntry("data_stores", i, "managed", true, at)
	}
	for _, s := range asList(asMap(d.facts[checks.KindOpenAPI])["specs"]) {
		spec := asMap(s)
		ref := str(spec["ref"])
		at := rangeOf(asMap(spec["at"]))
		if ref == "" || at.Filename == "" {
			continue
		}
		name := strings.TrimSuffix(filepath.Base(ref), filepath.Ext(ref))
		name = strings.TrimSuffix(strings.TrimSuffix(name, ".openapi"), ".swagger")
		i, _ := d.entry("apis", name, at)
		if i < 0 {
			continue
		}
		d.setEntry("apis", i, "style", "rest", at)
		d.setEntry("apis", i, "spec", ref, at)
	}
}

// entry finds the list entry called name, or appends one indexed at at;
// fresh says it was appended.
func (d *drafter) entry(list, name string, at diag.Range) (int, bool) {
	raw, exists := d.doc.Value[list]
	items, ok := raw.([]any)
	if exists && !ok {
		return -1, false
	}
	for i, it := range items {
		if asMap(it)["name"] == name {
			return i, false
		}
	}
	d.doc.Value[list] = append(items, map[string]any{"name": name})
	i := len(items)
	p := document.JoinIndex(list, i)
	d.doc.Index.Add(p, at)
	d.doc.Index.Add(p+".name", at)
	return i, true
}

// setEntry fills a field of entry i of a list.
func (d *drafter) setEntry(list string, i int, key string, v any, at diag.Range) {
	items := asList(d.doc.Value[list])
	if i >= len(items) {
		return
	}
	e := asMap(items[i])
	if e == nil || e[key] != nil {
		return
	}
	e[key] = v
	d.doc.Index.Add(document.JoinKey(document.JoinIndex(list, i), key), at)
}

// more fills what init alone derives, beyond the facts a check derives:
// that the infrastructure is code, how the service scales, the APIs'
// rate-limit headers and pagination, and the documents Dir keeps.
func (d *drafter) more(f *finder) {
	tf := asMap(d.facts[checks.KindTerraform])
	if res := asList(tf["resources"]); len(res) > 0 {
		d.set([]string{"deployment", "infrastructure_as_code"}, true, rangeOf(asMap(asMap(res[0])["at"])))
	}
	d.operations(tf)
	k := asMap(d.facts[checks.KindKubernetes])
	// The first autoscaler speaks for the service, as the first workload does.
	if as := asList(k["autoscalers"]); len(as) > 0 {
		hpa := asMap(as[0])
		at := rangeOf(asMap(hpa["at"]))
		d.set([]string{"processes", "scaling", "autoscaling"}, true, at)
		d.set([]string{"processes", "scaling", "horizontal"}, true, at)
		if v, mat, ok := known(asMap(hpa["facts"]), "metrics"); ok {
			if list := asList(v); len(list) > 0 {
				if m := str(list[0]); m != "" {
					d.set([]string{"processes", "scaling", "autoscaling_metric"}, strings.ToLower(m), mat)
				}
			} else if m := str(v); m != "" {
				d.set([]string{"processes", "scaling", "autoscaling_metric"}, strings.ToLower(m), mat)
			}
		}
	}
	d.processTypes(k)
	d.zones(k)
	d.manifests(k)
	d.apiFacts()
	d.idempotency()
	d.documents(f)
	d.statements(f)
	d.build(f)
}

// Build files a repository keeps at its root, by convention.
var (
	manifestNames = []string{"go.mod", "package.json", "pom.xml", "build.gradle", "build.gradle.kts", "Cargo.toml", "pyproject.toml"}
	lockfileNames = []string{"go.sum", "package-lock.json", "yarn.lock", "pnpm-lock.yaml", "Cargo.lock", "poetry.lock", "gradle.lockfile"}
)

// build cites the dependency manifest and lockfile Dir keeps, says the
// build produces a container image when a Dockerfile is there, and that
// continuous integration runs when a CI configuration is (GitHub Actions
// workflows or .gitlab-ci.yml). Only non-empty regular files count.
func (d *drafter) build(f *finder) {
	present := func(rel string) bool {
		info, err := os.Lstat(filepath.Join(f.dir, filepath.FromSlash(rel)))
		return err == nil && info.Mode().IsRegular() && info.Size() > 0
	}
	first := func(rel string) diag.Range {
		return diag.Range{Filename: filepath.Join(f.dir, filepath.FromSlash(rel)), Start: diag.Pos{Line: 1, Column: 1}}
	}
	for _, n := range manifestNames {
		if present(n) {
			d.set([]string{"build", "manifest"}, n, first(n))
			break
		}
	}
	for _, n := range lockfileNames {
		if present(n) {
			d.set([]string{"build", "lockfile"}, n, first(n))
			break
		}
	}
	if present("Dockerfile") {
		d.set([]string{"build", "artifact", "kind"}, "container-image", first("Dockerfile"))
	}
	var ciFiles []string
	for _, n := range f.names(filepath.Join(f.dir, ".github", "workflows")) {
		if rel := ".github/workflows/" + n; hasExt(n, []string{".yml", ".yaml"}) && present(rel) {
			ciFiles = append(ciFiles, rel)
		}
	}
	if present(".gitlab-ci.yml") {
		ciFiles = append(ciFiles, ".gitlab-ci.yml")
	}
	if len(ciFiles) > 0 {
		d.set([]string{"build", "ci"}, true, first(ciFiles[0]))
		d.ciTests(f, ciFiles[0])
		d.ciFacts(f, ciFiles)
	}
	if present("Dockerfile") {
		d.baseImage(f, "Dockerfile")
	}
	if m, ok := lookup(d.doc.Value, "build", "manifest").(string); ok {
		d.instrumentation(f, m)
	}
}

// toolless are final base images that hold no system tools at all: no
// shell, no package manager, nothing the service could call.
var toolless = regexp.MustCompile(`^(scratch|(\S+/)?distroless/\S+|cgr\.dev/chainguard/static(:\S+)?)$`)

// fromLine is a Dockerfile FROM instruction: its image, after any flags.
var fromLine = regexp.MustCompile(`(?im)^\s*FROM\s+(?:--\S+\s+)*(\S+)`)

// baseImage says the service expects no system tools on its host when the
// Dockerfile's final stage starts from an image that has none.
func (d *drafter) baseImage(f *finder, rel string) {
	path := filepath.Join(f.dir, rel)
	src := f.sniff(path)
	all := fromLine.FindAllSubmatchIndex(src, -1)
	if len(all) == 0 {
		return
	}
	last := all[len(all)-1]
	if !toolless.Match(src[last[2]:last[3]]) {
		return
	}
	line := 1 + bytes.Count(src[:last[0]], []byte("\n"))
	if last[0] < len(src) && src[last[0]] == '\n' {
		line++
	}
	d.set([]string{"build", "system_tools"}, []any{}, diag.Range{Filename: path, Start: diag.Pos{Line: line, Column: 1}})
}

// otelModules are the OpenTelemetry SDKs as a dependency manifest names them.
var otelModules = regexp.MustCompile(`(?m)^.*(go\.opentelemetry\.io/otel/sdk\b|"@opentelemetry/sdk-(node|trace-\w+)"|^\s*["']?opentelemetry-sdk\b|<groupId>io\.opentelemetry</groupId>|io\.opentelemetry:opentelemetry-sdk|^opentelemetry_sdk\b).*$`)

// instrumentation says requests are traced with OpenTelemetry when the
// dependency manifest requires its SDK.
func (d *drafter) instrumentation(f *finder, rel string) {
	path := filepath.Join(f.dir, filepath.FromSlash(rel))
	src := f.sniff(path)
	loc := otelModules.FindIndex(src)
	if loc == nil {
		return
	}
	at := diag.Range{Filename: path, Start: diag.Pos{Line: 1 + bytes.Count(src[:loc[0]], []byte("\n")), Column: 1}}
	d.set([]string{"observability", "tracing", "enabled"}, true, at)
	d.set([]string{"observability", "tracing", "library"}, "opentelemetry", at)
}

// unitTestStep is a CI step that runs a language's own test command.
var unitTestStep = regexp.MustCompile(`(?m)^\s*(-\s+)?(run|script):\s*(-\s+)?["']?(go test|npm test|npm run test|yarn test|pnpm test|mvn( -\S+)* (test|verify)|gradle test|\./gradlew test|cargo test|pytest)\b`)

// ciTests says unit tests gate a change when the CI configuration runs
// the test command literally, citing the line.
func (d *drafter) ciTests(f *finder, ci string) {
	src := f.sniff(filepath.Join(f.dir, filepath.FromSlash(ci)))
	loc := unitTestStep.FindIndex(src)
	if loc == nil {
		return
	}
	line := 1 + bytes.Count(src[:loc[0]], []byte("\n"))
	if loc[0] < len(src) && src[loc[0]] == '\n' {
		line++
	}
	d.set([]string{"build", "tests", "unit"}, true, diag.Range{Filename: filepath.Join(f.dir, filepath.FromSlash(ci)), Start: diag.Pos{Line: line, Column: 1}})
}

// processTypes names the service's process types after its workloads:
// each Deployment or StatefulSet runs one kind of process.
func (d *drafter) processTypes(k map[string]any) {
	var names []any
	var at diag.Range
	for _, w := range asList(k["workloads"]) {
		wm := asMap(w)
		if kind := str(wm["kind"]); (kind == "Deployment" || kind == "StatefulSet") && str(wm["name"]) != "" {
			names = append(names, str(wm["name"]))
			if at.Filename == "" {
				at = rangeOf(asMap(wm["at"]))
			}
		}
	}
	if len(names) > 0 {
		d.set([]string{"processes", "process_types"}, names, at)
	}
}

// zones says the service survives the loss of a zone when its workload
// spreads its pods across zones and every data store it has replicates
// across zones.
func (d *drafter) zones(k map[string]any) {
	name, _ := lookup(d.doc.Value, "service", "name").(string)
	var spread diag.Range
	for _, w := range asList(k["workloads"]) {
		wm := asMap(w)
		if str(wm["name"]) != name {
			continue
		}
		if v, at, ok := known(asMap(wm["facts"]), "zone_spread"); ok && v == true {
			spread = at
		}
	}
	if spread.Filename == "" {
		return
	}
	for _, s := range asList(d.doc.Value["data_stores"]) {
		if lookup(s, "replication", "multi_az") != true {
			return
		}
	}
	d.set([]string{"disaster_recovery", "multi_az"}, true, spread)
}

// apiFacts reads, per spec an apis entry names, whether every list
// operation pages (cursor or offset parameters) and whether rate-limited
// responses say when to retry.
func (d *drafter) apiFacts() {
	apis := asList(d.doc.Value["apis"])
	for i, a := range apis {
		api := asMap(a)
		for _, s := range asList(asMap(d.facts[checks.KindOpenAPI])["specs"]) {
			spec := asMap(s)
			if str(spec["ref"]) != str(api["spec"]) {
				continue
			}
			retry, retryAt, all := true, diag.Range{}, 0
			var paging string
			var pagingAt diag.Range
			for _, o := range asList(spec["operations"]) {
				facts := asMap(asMap(o)["facts"])
				if v, at, ok := known(facts, "retry_after_on_429"); ok {
					all++
					retry = retry && v == true
					if retryAt.Filename == "" {
						retryAt = at
					}
				}
				if v, at, ok := known(facts, "pagination_params"); ok && paging == "" {
					for _, p := range asList(v) {
						switch name := strings.ToLower(str(p)); {
						case strings.Contains(name, "cursor") || strings.Contains(name, "token") || strings.Contains(name, "after"):
							paging, pagingAt = "cursor", at
						case paging == "" && (name == "offset" || name == "page"):
							paging, pagingAt = "offset", at
						}
					}
				}
			}
			if all > 0 && retry {
				if e := asMap(apis[i]); e != nil {
					if _, has := e["rate_limit"]; !has {
						// Every operation answers 429 with Retry-After:
						// the API is rate limited and says when to retry.
						e["rate_limit"] = map[string]any{"enabled": true, "headers": true}
						d.doc.Index.Add(document.JoinIndex("apis", i)+".rate_limit.enabled", retryAt)
						d.doc.Index.Add(document.JoinIndex("apis", i)+".rate_limit.headers", retryAt)
					}
				}
			}
			if paging != "" {
				d.setEntry("apis", i, "pagination", paging, pagingAt)
			}
		}
	}
}

// documentFields are the documents a repository keeps by convention, and
// the fields that cite them: a file under docs/ whose name holds one of
// the words fills the field.
var documentFields = []struct {
	keys  []string
	words []string
}{
	{[]string{"security", "threat_model"}, []string{"threat-model", "threat_model", "threatmodel"}},
	{[]string{"disaster_recovery", "plan"}, []string{"dr-plan", "disaster-recovery", "recovery-plan"}},
	{[]string{"capacity", "plan"}, []string{"capacity-plan", "capacity_plan"}},
	{[]string{"security", "incident_response", "playbook"}, []string{"security-incident", "incident-playbook"}},
}

func documentKeys() [][]string {
	out := make([][]string, len(documentFields))
	for i, df := range documentFields {
		out[i] = df.keys
	}
	return out
}

// documents cites what docs/ holds: runbooks (docs/runbooks/*), a threat
// model, recovery and capacity plans, a security incident playbook.
func (d *drafter) documents(f *finder) {
	docs := filepath.Join(f.dir, "docs")
	var files []string
	var walk func(dir, rel string, depth int)
	walk = func(dir, rel string, depth int) {
		if depth > maxDocDepth {
			return
		}
		for _, name := range f.names(dir) {
			if strings.HasPrefix(name, ".") {
				continue
			}
			p, r := filepath.Join(dir, name), filepath.ToSlash(filepath.Join(rel, name))
			info, err := os.Lstat(p)
			switch {
			case err != nil:
			case info.IsDir():
				walk(p, r, depth+1)
			case info.Mode().IsRegular() && info.Size() > 0 && hasExt(name, []string{".md", ".markdown", ".txt", ".adoc", ".rst", ".html", ".pdf"}):
				files = append(files, r)
			}
		}
	}
	walk(docs, "docs", 0)
	first := func(rel string) diag.Range {
		return diag.Range{Filename: filepath.Join(f.dir, filepath.FromSlash(rel)), Start: diag.Pos{Line: 1, Column: 1}}
	}
	var runbooks []any
	var runbookAt diag.Range
	for _, rel := range files {
		lower := strings.ToLower(rel)
		if strings.Contains(lower, "/runbooks/") || strings.Contains(filepath.Base(lower), "runbook") {
			runbooks = append(runbooks, rel)
			if runbookAt.Filename == "" {
				runbookAt = first(rel)
			}
			continue
		}
		for _, df := range documentFields {
			for _, w := range df.words {
				if strings.Contains(filepath.Base(lower), w) {
					d.set(df.keys, rel, first(rel))
				}
			}
		}
		// A written incident process is one.
		for _, w := range []string{"incident-process", "incident_process", "incident-management"} {
			if strings.Contains(filepath.Base(lower), w) {
				d.set([]string{"operations", "incident_process"}, true, first(rel))
			}
		}
	}
	if len(runbooks) > 0 {
		d.set([]string{"operations", "runbooks"}, runbooks, runbookAt)
	}
	d.dashboards(f)
	// An error budget policy is every SLO's.
	for _, rel := range files {
		if b := strings.ToLower(filepath.Base(rel)); strings.Contains(b, "error-budget") || strings.Contains(b, "error_budget") {
			for i := range asList(d.doc.Value["slos"]) {
				d.setEntry("slos", i, "error_budget_policy", rel, first(rel))
			}
			break
		}
	}
}

// --- plain values ------------------------------------------------------------

func lookup(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

// setPath sets keys in v, creating objects; false when a value of another
// type is in the way.
func setPath(v map[string]any, keys []string, value any) bool {
	obj := v
	for _, k := range keys[:len(keys)-1] {
		next, ok := obj[k]
		if !ok {
			created := map[string]any{}
			obj[k] = created
			obj = created
			continue
		}
		o, isObj := next.(map[string]any)
		if !isObj {
			return false
		}
		obj = o
	}
	obj[keys[len(keys)-1]] = value
	return true
}

// dashboardDirs are where a repository keeps its dashboards as code.
var dashboardDirs = []string{"dashboards", "grafana", "grafana/dashboards", "monitoring/dashboards"}

// grafanaDashboard is the start of a Grafana dashboard's JSON model.
var grafanaDashboard = regexp.MustCompile(`"panels"\s*:\s*\[`)

// dashboards lists the Grafana dashboards kept as JSON in the repository.
func (d *drafter) dashboards(f *finder) {
	files := f.within(dashboardDirs, []string{".json"}, grafanaDashboard, nil)
	if len(files) == 0 {
		return
	}
	d.set([]string{"observability", "dashboards"}, toAny(files), diag.Range{Filename: filepath.Join(f.dir, filepath.FromSlash(files[0])), Start: diag.Pos{Line: 1, Column: 1}})
}
