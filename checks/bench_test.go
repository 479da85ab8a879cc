package checks

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/archvet/archvet/internal/document"
	"github.com/archvet/archvet/internal/schema"
	"github.com/archvet/archvet/policies"
	"github.com/archvet/archvet/rules"
)

// The benchmarks measure the stages of a check on the examples, so that a
// regression shows as a number: go test -run '^$' -bench . ./checks.
// Compiling the catalogue is shared between them and counted in none.

type benchCompiled struct {
	once   sync.Once
	engine *Engine
	schema *schema.Schema
	err    error
}

// One engine per evaluator.
var benchEngines = map[Evaluator]*benchCompiled{Topdown: {}, Wasm: {}}

func compiledEngine(b testing.TB) (*Engine, *schema.Schema) {
	return compiledEngineWith(b, Topdown)
}

func compiledEngineWith(b testing.TB, ev Evaluator) (*Engine, *schema.Schema) {
	b.Helper()
	benchEngine := benchEngines[ev]
	benchEngine.once.Do(func() {
		cat, err := builtinCatalogue()
		if err != nil {
			benchEngine.err = err
			return
		}
		e, ds := Compile(context.Background(), cat, Options{Evaluator: ev})
		if len(ds) > 0 {
			benchEngine.err = ds
			return
		}
		sch, err := schema.Load()
		benchEngine.engine, benchEngine.schema, benchEngine.err = e, sch, err
	})
	if benchEngine.err != nil {
		b.Fatal(benchEngine.err)
	}
	return benchEngine.engine, benchEngine.schema
}

// builtinCatalogue reads the built-in policies, as a run does.
func builtinCatalogue() (*rules.Catalogue, error) {
	srcs, err := rules.ReadFS(policies.FS, true, "policies")
	if err != nil {
		return nil, err
	}
	cat, ds := rules.Parse(srcs)
	if ds.HasErrors() {
		return nil, ds
	}
	return cat, nil
}

var benchExamples = []string{"checkout", "fulfilment", "prototype"}

// exampleDocs loads the YAML examples as the checker would, evidence
// attached, ready for evaluation.
func exampleDocs(b testing.TB, sch *schema.Schema) []*document.Document {
	b.Helper()
	var docs []*document.Document
	for _, name := range benchExamples {
		path := filepath.Join("..", "examples", name, "design.yaml")
		src, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		doc, ds := document.Load(path, src, sch)
		if ds.HasErrors() {
			b.Fatal(ds)
		}
		AttachEvidence(doc, sch)
		docs = append(docs, doc)
	}
	return docs
}

var benchNow = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

// BenchmarkEvaluate is the policy evaluation of one design review: the
// whole catalogue, one prepared query. It dominates a check. Each example
// is evaluated by topdown and by the catalogue compiled to Wasm.
func BenchmarkEvaluate(b *testing.B) {
	for _, ev := range []Evaluator{Topdown, Wasm} {
		engine, sch := compiledEngineWith(b, ev)
		docs := exampleDocs(b, sch)
		for _, doc := range docs {
			b.Run(string(ev)+"/"+filepath.Base(filepath.Dir(doc.Path)), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := engine.Evaluate(context.Background(), doc, benchNow); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkCompileWasm is what --evaluator wasm adds to a run's start:
// compiling the catalogue to Wasm, and to machine code.
func BenchmarkCompileWasm(b *testing.B) {
	cat, err := builtinCatalogue()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		e, ds := Compile(context.Background(), cat, Options{Evaluator: Wasm})
		if len(ds) > 0 {
			b.Fatal(ds)
		}
		e.Close()
	}
}

// BenchmarkScore is scoring, judging and maturity of one file's results.
func BenchmarkScore(b *testing.B) {
	engine, sch := compiledEngine(b)
	docs := exampleDocs(b, sch)
	results, err := engine.Evaluate(context.Background(), docs[0], benchNow)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		sc := ScoreResults(results)
		_ = Judge(sc)
		_ = Assess(results, sc)
	}
}

// BenchmarkCheckFile is the whole pipeline for one file: read, decode,
// validate, evidence, evaluate, score.
func BenchmarkCheckFile(b *testing.B) {
	engine, sch := compiledEngine(b)
	c := &Checker{Engine: engine, Schema: sch, Now: benchNow}
	in := Input{Path: filepath.Join("..", "examples", "checkout", "design.yaml")}
	b.ReportAllocs()
	for b.Loop() {
		if rep := c.CheckFile(context.Background(), in); rep.Broken {
			b.Fatal(rep.Diagnostics)
		}
	}
}

// BenchmarkCompile is the start-up cost of a run: reading the built-in
// policies and their annotations, and compiling the catalogue.
func BenchmarkCompile(b *testing.B) {
	for b.Loop() {
		cat, err := builtinCatalogue()
		if err != nil {
			b.Fatal(err)
		}
		if _, ds := Compile(context.Background(), cat, Options{}); ds.HasErrors() {
			b.Fatal(ds)
		}
	}
}
