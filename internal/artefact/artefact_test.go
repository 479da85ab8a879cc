package artefact

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/archvet/archvet/internal/artefact/fact"
	"github.com/archvet/archvet/internal/diag"
)

// repoWith lays out files under a new repository and returns its root.
func repoWith(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, src := range files {
		path := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// in runs from dir, so display paths are relative as a user types them.
func in(t *testing.T, dir string) {
	t.Helper()
	t.Chdir(dir)
}

// at is a review position, where problems with a source are shown.
func at(line int) *diag.Range {
	p := diag.Pos{Line: line, Column: 5}
	return &diag.Range{Filename: "svc/design.yaml", Start: p, End: p}
}

const queue = "resource \"aws_sqs_queue\" \"q\" {\n  name = \"q\"\n}\n"

func TestReadWalksEachKindInOrder(t *testing.T) {
	root := repoWith(t, map[string]string{
		"svc/infra/b.tf":               "resource \"aws_sqs_queue\" \"b\" {}\n",
		"svc/infra/a.tf":               queue,
		"svc/infra/modules/db/main.tf": "resource \"aws_db_instance\" \"d\" {}\n",
		"svc/infra/.terraform/m/x.tf":  "resource \"aws_sqs_queue\" \"hidden\" {}\n",
		"svc/infra/notes.md":           "not terraform",
		"svc/deploy/app.yaml":          "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app}\nspec: {replicas: 2}\n",
		"svc/api/web.openapi.yaml":     "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n",
	})
	in(t, root)
	out, ds := Read("svc", Sources{
		Terraform:  []Source{{Path: "infra/", At: at(3)}},
		Kubernetes: []Source{{Path: "deploy", At: at(4)}},
		OpenAPI:    []Source{{Path: "api/web.openapi.yaml", At: at(5)}},
	}, root)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	tf := out["terraform"].(map[string]any)
	var got []string
	for _, r := range tf["resources"].([]any) {
		got = append(got, r.(map[string]any)["address"].(string)+"@"+r.(map[string]any)["at"].(map[string]any)["file"].(string))
	}
	want := []string{"aws_sqs_queue.q@" + filepath.Join("svc", "infra", "a.tf"), "aws_sqs_queue.b@" + filepath.Join("svc", "infra", "b.tf"), "aws_db_instance.d@" + filepath.Join("svc", "infra", "modules", "db", "main.tf")}
	if strings.Join(got, " ") != strings.Join(want, " ") || tf["files"] != 3 {
		t.Errorf("terraform read %v (%v files), want %v", got, tf["files"], want)
	}
	if k := out["kubernetes"].(map[string]any); k["documents"] != 1 || len(k["workloads"].([]any)) != 1 {
		t.Errorf("kubernetes: %v", k)
	}
	spec := out["openapi"].(map[string]any)["specs"].([]any)[0].(map[string]any)
	if spec["ref"] != "api/web.openapi.yaml" || spec["file"] != filepath.Join("svc", "api", "web.openapi.yaml") {
		t.Errorf("spec ref %v, file %v", spec["ref"], spec["file"])
	}
}

func TestAKindWithoutSourcesIsAbsent(t *testing.T) {
	root := repoWith(t, map[string]string{"svc/infra/a.tf": queue})
	in(t, root)
	out, ds := Read("svc", Sources{Terraform: []Source{{Path: "infra"}}}, root)
	if len(ds) > 0 || len(out) != 1 || out["terraform"] == nil {
		t.Errorf("got %v, %v", out, ds)
	}
}

func TestPathsThatCannotBeReadAreDiagnosticsAtTheReview(t *testing.T) {
	root := repoWith(t, map[string]string{
		"svc/infra/a.tf":  queue,
		"svc/empty/.keep": "",
		"svc/big/huge.tf": strings.Repeat("#", 2048),
	})
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "secret.tf"), []byte(queue), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(root, "svc", "escape")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "secret.tf"), filepath.Join(root, "svc", "infra", "z_link.tf")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(root, "svc", "infra", "pipe.tf"), 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	in(t, root)
	lim := fact.DefaultLimits()
	lim.MaxFileSize = 1024
	srcs := []Source{
		{Path: "../../etc", At: at(2)},
		{Path: "escape/secret.tf", At: at(3)},
		{Path: "missing/", At: at(4)},
		{Path: "infra", At: at(5)},
		{Path: "big", At: at(6)},
	}
	out, ds := ReadWith("svc", Sources{Terraform: srcs}, root, lim)
	want := []string{
		"svc/design.yaml:2:5: error: the artefact path ../../etc is outside the repository",
		"svc/design.yaml:3:5: error: the artefact path escape/secret.tf is outside the repository",
		"svc/design.yaml:4:5: error: the artefact path missing/ does not exist",
		"svc/design.yaml:5:5: error: the artefact svc/infra/pipe.tf is not a regular file (it is a named pipe)",
		"svc/design.yaml:5:5: error: the artefact svc/infra/z_link.tf is a link that leads out of the repository",
		"svc/design.yaml:6:5: error: the artefact svc/big/huge.tf is 2048 bytes, over the 1024-byte limit",
	}
	if len(ds) != len(want) {
		t.Fatalf("got %d diagnostics, want %d:\n%v", len(ds), len(want), ds)
	}
	for i, w := range want {
		if !strings.HasPrefix(ds[i].Error(), filepath.FromSlash(w)) {
			t.Errorf("diagnostic %d:\n got %s\nwant %s…", i, ds[i].Error(), w)
		}
	}
	if got := out["terraform"].(map[string]any)["files"]; got != 1 {
		t.Errorf("the readable file was not read: %v files", got)
	}
}

func TestWalksAreBounded(t *testing.T) {
	files := map[string]string{}
	for _, n := range []string{"a", "b", "c", "d"} {
		files["svc/infra/"+n+".tf"] = strings.ReplaceAll(queue, `"q"`, `"`+n+`"`)
	}
	files["svc/deep/1/2/3/x.tf"] = strings.ReplaceAll(queue, `"q"`, `"x"`)
	root := repoWith(t, files)
	in(t, root)
	lim := fact.DefaultLimits()
	lim.MaxFiles, lim.MaxDepth = 3, 2
	out, ds := ReadWith("svc", Sources{Terraform: []Source{{Path: "infra", At: at(7)}, {Path: "deep", At: at(8)}}}, root, lim)
	if len(ds) != 2 ||
		!strings.HasPrefix(ds[0].Error(), "svc/design.yaml:7:5: error: the artefact path infra holds more than 3 files") ||
		!strings.HasPrefix(ds[1].Error(), filepath.FromSlash("svc/design.yaml:8:5: error: the artefact directory svc/deep/1/2/3 nests deeper than 2 levels")) {
		t.Fatalf("got %v", ds)
	}
	if got := out["terraform"].(map[string]any)["files"]; got != 3 {
		t.Errorf("read %v files, want the first 3", got)
	}
}

func TestLinksInsideTheRepositoryAreFollowedAndLoopsEnd(t *testing.T) {
	root := repoWith(t, map[string]string{
		"shared/db.tf":   "resource \"aws_db_instance\" \"shared\" {}\n",
		"svc/infra/a.tf": queue,
	})
	if err := os.Symlink(filepath.Join(root, "shared", "db.tf"), filepath.Join(root, "svc", "infra", "b.tf")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("..", filepath.Join(root, "svc", "infra", "loop")); err != nil {
		t.Fatal(err)
	}
	in(t, root)
	lim := fact.DefaultLimits()
	lim.MaxDepth = 4
	out, ds := ReadWith("svc", Sources{Terraform: []Source{{Path: "infra", At: at(9)}}}, root, lim)
	// The loop is walked until the depth bound, each file read once.
	if len(ds) != 1 || !strings.HasPrefix(ds[0].Error(), "svc/design.yaml:9:5: error: the artefact directory") || !strings.Contains(ds[0].Error(), "nests deeper than 4 levels") {
		t.Fatalf("got %v", ds)
	}
	var got []string
	for _, r := range out["terraform"].(map[string]any)["resources"].([]any) {
		got = append(got, r.(map[string]any)["address"].(string))
	}
	if strings.Join(got, " ") != "aws_sqs_queue.q aws_db_instance.shared" {
		t.Errorf("read %v", got)
	}
}

func TestReadIsDeterministic(t *testing.T) {
	root := repoWith(t, map[string]string{})
	in(t, root)
	for _, d := range []string{"terraform/testdata", "kubernetes/testdata", "openapi/testdata"} {
		if err := os.CopyFS(filepath.Join(root, "svc", filepath.Dir(d)), os.DirFS(filepath.Join(wd, d))); err != nil {
			t.Fatal(err)
		}
	}
	srcs := Sources{
		Terraform:  []Source{{Path: "terraform"}},
		Kubernetes: []Source{{Path: "kubernetes"}},
		OpenAPI:    []Source{{Path: "openapi/checkout-web.openapi.yaml"}, {Path: "openapi/partner.json"}},
	}
	first, ds := Read("svc", srcs, root)
	want, _ := json.Marshal(first)
	for range 3 {
		again, ds2 := Read("svc", srcs, root)
		got, _ := json.Marshal(again)
		if string(got) != string(want) || fmt.Sprint(ds2) != fmt.Sprint(ds) {
			t.Fatal("two reads of the same tree differ")
		}
	}
	if tf := first["terraform"].(map[string]any); tf["files"].(int) < 9 {
		t.Errorf("only %v Terraform files read", tf["files"])
	}
}

// wd is the package directory, where the readers' fixtures are.
var wd, _ = os.Getwd()
