// Command gen writes N design reviews for bench/run.sh by varying the
// YAML examples: each file takes one of the checkout, fulfilment and
// prototype designs in turn, gets its own service name and a tier, and has
// some of its boolean fields flipped, so the files fail different rules
// at different severities, as a real estate of services would.
//
// Only booleans are flipped and only the name and tier rewritten, so every
// generated file stays valid against the schema: the benchmark measures
// checking, not error reporting. The output is the same for the same N.
//
//	go run ./bench/gen -n 1000 -o bench/out/designs/1000
//	go run ./bench/gen -system -n 1000 -o bench/out/system/1000
package main

import (
	"bytes"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
)

// bases are the examples varied, relative to the repository root.
var bases = []string{
	"examples/checkout/design.yaml",
	"examples/fulfilment/design.yaml",
	"examples/prototype/design.yaml",
}

var (
	nameLine = regexp.MustCompile(`(?m)^  name: (.+)$`)
	tierLine = regexp.MustCompile(`(?m)^  tier: \d+$`)
	boolLine = regexp.MustCompile(`(?m): (true|false)$`)
)

func main() {
	n := flag.Int("n", 100, "number of design reviews to write")
	out := flag.String("o", "bench/out/designs", "output `DIR` (created; existing files are overwritten)")
	root := flag.String("root", ".", "repository root, where examples/ is")
	flip := flag.Float64("flip", 0.08, "share of boolean fields flipped in each file")
	system := flag.Bool("system", false, "write one system: services named svc-NNNNN whose dependencies and events name each other (system.go)")
	flag.Parse()
	gen := generate
	if *system {
		gen = generateSystem
	}
	if err := gen(*root, *out, *n, *flip); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func generate(root, out string, n int, flip float64) error {
	srcs, err := readBases(root, out)
	if err != nil {
		return err
	}
	for i := range n {
		doc := vary(srcs[i%len(srcs)], i, flip)
		name := filepath.Join(out, fmt.Sprintf("svc-%05d.yaml", i))
		if err := os.WriteFile(name, doc, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// vary rewrites one example into design review number i. The random
// source is seeded with i, so a file's content depends only on its number.
func vary(src []byte, i int, flip float64) []byte {
	rng := rand.New(rand.NewPCG(uint64(i), 0x5eed))
	doc := src
	// Only the first name, the service's, is rewritten; dependencies and
	// stores keep theirs.
	if loc := nameLine.FindSubmatchIndex(doc); loc != nil {
		var b bytes.Buffer
		b.Write(doc[:loc[2]])
		fmt.Fprintf(&b, "%s-%05d", doc[loc[2]:loc[3]], i)
		b.Write(doc[loc[3]:])
		doc = b.Bytes()
	}
	doc = tierLine.ReplaceAll(doc, []byte(fmt.Sprintf("  tier: %d", rng.IntN(4))))
	doc = boolLine.ReplaceAllFunc(doc, func(m []byte) []byte {
		if rng.Float64() >= flip {
			return m
		}
		if bytes.HasSuffix(m, []byte("true")) {
			return []byte(": false")
		}
		return []byte(": true")
	})
	return doc
}

// readBases reads the examples varied and creates the output directory.
func readBases(root, out string) ([][]byte, error) {
	srcs := make([][]byte, len(bases))
	for i, b := range bases {
		src, err := os.ReadFile(filepath.Join(root, b))
		if err != nil {
			return nil, err
		}
		srcs[i] = src
	}
	return srcs, os.MkdirAll(out, 0o755)
}
