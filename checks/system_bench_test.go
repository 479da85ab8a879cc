package checks

import (
	"context"
	"path/filepath"
	"testing"
)

// BenchmarkSystemFacts is pass 1 of a system run for one file: read,
// decode, imports, validation and the graph facts, which a run of N
// reviews pays N times on top of BenchmarkCheckFile's pass 2. The ratio
// of the two is most of what a system adds to checking the files one by
// one (the graph itself is internal/system's BenchmarkSystem).
func BenchmarkSystemFacts(b *testing.B) {
	engine, sch := compiledEngine(b)
	c := &Checker{Engine: engine, Schema: sch, Now: benchNow}
	in := Input{Path: filepath.Join("..", "examples", "checkout", "design.yaml")}
	b.ReportAllocs()
	for b.Loop() {
		if f := c.Facts(context.Background(), []Input{in}); len(f) != 1 {
			b.Fatal("no facts")
		}
	}
}
