package openapi

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/archvet/archvet/internal/artefact/fact"
	"github.com/archvet/archvet/internal/diag"
)

func readSpecs(t *testing.T, files ...string) ([]any, diag.Diagnostics) {
	t.Helper()
	v, ds := Reader{}.Read(files, fact.DefaultLimits())
	return v.(map[string]any)["specs"].([]any), ds
}

// op finds an operation of a spec.
func op(t *testing.T, spec any, method, path string) map[string]any {
	t.Helper()
	for _, o := range spec.(map[string]any)["operations"].([]any) {
		m := o.(map[string]any)
		if m["method"] == method && m["path"] == path {
			return m["facts"].(map[string]any)
		}
	}
	t.Fatalf("no %s %s", method, path)
	return nil
}

func TestReadsOperationsWithTheirPositions(t *testing.T) {
	const y, j = "testdata/checkout-web.openapi.yaml", "testdata/partner.json"
	specs, ds := readSpecs(t, y, j)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	if len(specs) != 2 {
		t.Fatalf("%d specs", len(specs))
	}
	web, partner := specs[0].(map[string]any), specs[1].(map[string]any)
	if web["version"] != "3.1.0" || partner["version"] != "3.0.3" || web["file"] != y {
		t.Errorf("versions: %v %v", web["version"], partner["version"])
	}
	for _, c := range []struct {
		spec               any
		method, path, fact string
		want               string
	}{
		// Global security, an operation's own, and security: [] that opens it.
		{web, "get", "/orders", "secured", "true@" + y + ":7:1"},
		{web, "get", "/orders", "authentication", "[jwt]@" + y + ":7:1"},
		{web, "post", "/orders", "authentication", "[jwt api-key]@" + y + ":35:7"},
		{web, "get", "/health", "secured", "false@" + y + ":58:7"},
		{partner, "get", "/status", "secured", "false@" + j + ":24:7 (default)"},
		// A list: the limit comes through a $ref, its maximum is the page size.
		{web, "get", "/orders", "list", "true@" + y + ":11:5"},
		{web, "get", "/orders", "pagination_params", "[limit cursor]@" + y + ":64:5"},
		{web, "get", "/orders", "pagination", "cursor@" + y + ":64:5"},
		{web, "get", "/orders", "max_page_size", "100@" + y + ":70:9"},
		{web, "get", "/orders/{id}", "list", "false@" + y + ":50:5"},
		{web, "get", "/health", "list", "false@" + y + ":56:5"},
		{partner, "get", "/v1/products", "pagination", "offset@" + j + ":9:11"},
		{partner, "get", "/v1/products", "max_page_size", "absent"},
		{partner, "get", "/v1/products/{sku}/reviews", "list", "true@" + j + ":18:7"},
		{partner, "get", "/v1/products/{sku}/reviews", "pagination", "none@" + j + ":19:9"},
		{partner, "get", "/status", "list", "false@" + j + ":24:7"},
		// 429 with Retry-After (through a $ref), without, and none at all.
		{web, "get", "/orders", "retry_after_on_429", "true@" + y + ":75:9"},
		{web, "post", "/orders", "retry_after_on_429", "false@" + y + ":41:9"},
		{web, "get", "/orders/{id}", "retry_after_on_429", "false@" + y + ":52:7"},
		{web, "post", "/orders", "responses", "[201 429]@" + y + ":38:7"},
		// A write without an idempotency key; a read needs none.
		{web, "post", "/orders", "idempotency_key", "false@" + y + ":33:5"},
		{web, "get", "/orders", "idempotency_key", "absent"},
	} {
		if got := fact.Format(op(t, c.spec, c.method, c.path)[c.fact]); got != c.want {
			t.Errorf("%s %s %s = %s, want %s", c.method, c.path, c.fact, got, c.want)
		}
	}
	for _, o := range web["operations"].([]any) {
		m := o.(map[string]any)
		if got, want := m["operational"] == true, m["path"] == "/health"; got != want {
			t.Errorf("%s operational = %v", m["path"], got)
		}
	}
	for _, c := range []struct {
		spec       map[string]any
		fact, want string
	}{
		{web, "version_in_servers", "true@" + y + ":6:5"},
		{web, "version_in_paths", "false@" + y + ":10:3"}, // /health aside, /orders has no version
		{partner, "version_in_servers", "false@" + j + ":4:16"},
		{partner, "version_in_paths", "true@" + j + ":6:5"}, // /status aside
	} {
		if got := fact.Format(c.spec["facts"].(map[string]any)[c.fact]); got != c.want {
			t.Errorf("%s = %s, want %s", c.fact, got, c.want)
		}
	}
}

// TestIdempotencyKeys reads whether each write requires an
// Idempotency-Key header, through a $ref, optional, or not at all.
func TestIdempotencyKeys(t *testing.T) {
	path := filepath.Join(t.TempDir(), "api.yaml")
	src := `openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /orders:
    post:
      parameters:
        - $ref: '#/components/parameters/Key'
      responses: {'201': {description: ok}}
  /orders/{id}:
    patch:
      parameters:
        - {name: idempotency-key, in: header}
      responses: {'200': {description: ok}}
    delete:
      parameters:
        - {name: id, in: path, required: true}
      responses: {'204': {description: ok}}
components:
  parameters:
    Key: {name: Idempotency-Key, in: header, required: true}
`
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	specs, ds := readSpecs(t, path)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	for _, c := range []struct{ method, path, want string }{
		{"post", "/orders", "true@" + path + ":20:5"},
		{"patch", "/orders/{id}", "false@" + path + ":12:11"},
		{"delete", "/orders/{id}", "false@" + path + ":15:7"},
	} {
		if got := fact.Format(op(t, specs[0], c.method, c.path)["idempotency_key"]); got != c.want {
			t.Errorf("%s %s idempotency_key = %s, want %s", c.method, c.path, got, c.want)
		}
	}
}

func TestWhatIsNotOpenAPI3IsAWarning(t *testing.T) {
	specs, ds := readSpecs(t, "testdata/swagger2.yaml", "testdata/tabs.json")
	if len(ds) != 1 || ds[0].Severity != diag.Warning || !strings.HasPrefix(ds[0].Error(), "testdata/swagger2.yaml:1:1: warning: testdata/swagger2.yaml is not an OpenAPI 3 document: it is Swagger 2.0") {
		t.Fatalf("got %v", ds)
	}
	if len(specs) != 1 || specs[0].(map[string]any)["file"] != "testdata/tabs.json" {
		t.Errorf("a tab-indented JSON spec was not read: %v", specs)
	}
}

func TestExternalRefsAreNotFollowed(t *testing.T) {
	dir := t.TempDir()
	secret := filepath.Join(dir, "secret.yaml")
	if err := os.WriteFile(secret, []byte("name: limit\nin: query\nschema: {maximum: 5}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "api.yaml")
	src := "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /items:\n    get:\n      parameters:\n        - $ref: 'secret.yaml'\n        - $ref: 'https://example.com/p.yaml'\n        - $ref: '#/components/parameters/Loop'\n      responses: {'200': {description: ok}}\ncomponents:\n  parameters:\n    Loop: {$ref: '#/components/parameters/Loop'}\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	specs, ds := readSpecs(t, path)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	facts := op(t, specs[0], "get", "/items")
	if got := fact.Format(facts["pagination_params"]); !strings.HasPrefix(got, "[]@") {
		t.Errorf("pagination_params = %s: a ref outside the document was followed", got)
	}
	if _, ok := facts["max_page_size"]; ok {
		t.Error("max_page_size read from another file")
	}
}

func TestHostileSpecsAreErrorsAtTheirPosition(t *testing.T) {
	bomb := "openapi: 3.0.0\nx-a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	prev := "a"
	for _, c := range "bcdefghij" {
		refs := strings.TrimSuffix(strings.Repeat("*"+prev+", ", 10), ", ")
		bomb += "x-" + string(c) + ": &" + string(c) + " [" + refs + "]\n"
		prev = string(c)
	}
	for _, c := range []struct{ name, src, want string }{
		{"bomb.yaml", bomb, ":6:38: error: aliases expand to more than 100000 values"},
		{"deep.json", `{"openapi": "3.1.0", "paths": ` + strings.Repeat(`{"a": `, 200) + "1" + strings.Repeat("}", 200) + "}", ":1:620: error: the document nests deeper than 100 levels"},
		{"binary.yaml", "openapi: 3.0.0\ninfo: \xff\xfe\n", ":2:7: error: file is not valid UTF-8 text"},
		{"two.yaml", "openapi: 3.0.0\npaths: {}\npaths: {}\n", ":3:1: error: duplicate key \"paths\""},
	} {
		dir := t.TempDir()
		path := filepath.Join(dir, c.name)
		if err := os.WriteFile(path, []byte(c.src), 0o644); err != nil {
			t.Fatal(err)
		}
		specs, ds := readSpecs(t, path, "testdata/partner.json")
		if !ds.HasErrors() || !strings.HasPrefix(ds[0].Error(), path+c.want) {
			t.Errorf("%s: want an error at %s%s…, got %v", c.name, path, c.want, ds)
		}
		if len(specs) != 1 {
			t.Errorf("%s: the other spec was not read", c.name)
		}
	}
}
