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

var benchEngine struct {
	once   sync.Once
	engine *Engine
	schema *schema.Schema
	err    error
}

func compiledEngine(b testing.TB) (*Engine, *schema.Schema) {
	b.Helper()
	benchEngine.once.Do(func() {
		srcs, err := rules.ReadFS(policies.FS, true, "policies")
		if err != nil {
			benchEngine.err = err
			return
		}
		cat, ds := rules.Parse(srcs)
		if ds.HasErrors() {
			benchEngine.err = ds
			return
		}
		e, ds := Compile(context.Background(), cat, Options{})
		if ds.HasErrors() {
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
// whole catalogue, one prepared query. It dominates a check.
func BenchmarkEvaluate(b *testing.B) {
	engine, sch := compiledEngine(b)
	docs := exampleDocs(b, sch)
	for _, doc := range docs {
		b.Run(filepath.Base(filepath.Dir(doc.Path)), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := engine.Evaluate(context.Background(), doc, benchNow); err != nil {
					b.Fatal(err)
				}
			}
		})
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
		srcs, err := rules.ReadFS(policies.FS, true, "policies")
		if err != nil {
			b.Fatal(err)
		}
		cat, ds := rules.Parse(srcs)
		if ds.HasErrors() {
			b.Fatal(ds)
		}
		if _, ds := Compile(context.Background(), cat, Options{}); ds.HasErrors() {
			b.Fatal(ds)
		}
	}
}
