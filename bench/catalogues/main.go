// Command catalogues times two exported catalogues on the same design
// reviews: the bundle kept in bench/baseline (the catalogue as it was
// before the reasoning rules) and the current one. Each is loaded as plain
// OPA loads a bundle, its one query (data.archvet.engine.report) prepared
// once, and every file evaluated `-rounds` times on one goroutine, so the
// figure is evaluation CPU time per file, not parallelism. bench/run.sh prints
// the ratio old ÷ new.
//
//	catalogues -old bench/baseline/archvet-b2a9753.tar.gz -new out/archvet-bundle.tar.gz DIR
package main

import (
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"gopkg.in/yaml.v3"
)

func main() {
	oldBundle := flag.String("old", "", "the old catalogue's bundle `FILE`")
	newBundle := flag.String("new", "", "the new catalogue's bundle `FILE`")
	rounds := flag.Int("rounds", 3, "evaluate every file this many times per catalogue")
	flag.Parse()
	if *oldBundle == "" || *newBundle == "" || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: catalogues -old FILE -new FILE DIR...")
		os.Exit(2)
	}
	inputs, err := load(flag.Args())
	if err != nil || len(inputs) == 0 {
		fmt.Fprintln(os.Stderr, "catalogues: no design reviews:", err)
		os.Exit(2)
	}
	ctx := context.Background()
	var perFile [2]time.Duration
	var rules [2]int
	for i, b := range []string{*oldBundle, *newBundle} {
		pq, err := rego.New(rego.Query("data.archvet.engine.report"), rego.LoadBundle(b)).PrepareForEval(ctx)
		if err != nil {
			fmt.Fprintln(os.Stderr, "catalogues:", b, err)
			os.Exit(1)
		}
		// One warm-up pass, so neither catalogue pays for first use.
		for _, in := range inputs {
			rs, err := pq.Eval(ctx, rego.EvalParsedInput(in))
			if err != nil {
				fmt.Fprintln(os.Stderr, "catalogues:", b, err)
				os.Exit(1)
			}
			if obj, ok := rs[0].Expressions[0].Value.(map[string]any); ok {
				rules[i] = len(obj)
			}
		}
		start := cpuTime()
		for range *rounds {
			for _, in := range inputs {
				if _, err := pq.Eval(ctx, rego.EvalParsedInput(in)); err != nil {
					fmt.Fprintln(os.Stderr, "catalogues:", err)
					os.Exit(1)
				}
			}
		}
		perFile[i] = (cpuTime() - start) / time.Duration(*rounds*len(inputs))
	}
	fmt.Printf("files %d\nold_rules %d\nnew_rules %d\nold_us_per_file %d\nnew_us_per_file %d\nratio %.2f\n",
		len(inputs), rules[0], rules[1], perFile[0].Microseconds(), perFile[1].Microseconds(),
		float64(perFile[0])/float64(perFile[1]))
}

// cpuTime is the process's user and system CPU time. On a shared
// machine wall time mostly measures the neighbours; the CPU the
// evaluation burns is what a catalogue costs (the garbage collector's
// share included, since it is the catalogue's garbage).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func load(args []string) ([]ast.Value, error) {
	var out []ast.Value
	for _, arg := range args {
		err := filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			var v any
			if err := yaml.Unmarshal(b, &v); err != nil {
				return nil // not every YAML file is a review
			}
			m, ok := v.(map[string]any)
			if !ok || m["format_version"] == nil {
				return nil
			}
			val, err := ast.InterfaceToValue(m)
			if err != nil {
				return err
			}
			out = append(out, val)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
