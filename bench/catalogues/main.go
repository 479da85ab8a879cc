// Command catalogues times two exported catalogues on the same design
// reviews: the bundle kept in bench/baseline (the catalogue as it was
// before the reasoning rules) and the current one. Each is loaded as plain
// OPA loads a bundle, its one query (data.archvet.engine.report) prepared
// once, and every file evaluated `-rounds` times on one goroutine, so the
// figure is evaluation CPU time per file, not parallelism. bench/run.sh prints
// the ratio old ÷ new, with the new catalogue under topdown (archvet's
// default, and what the old one always ran on) and compiled to Wasm
// (-evaluator wasm).
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
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/loader"
	"github.com/open-policy-agent/opa/v1/profiler"
	"github.com/open-policy-agent/opa/v1/rego"
	"gopkg.in/yaml.v3"

	"github.com/archvet/archvet/internal/wasmeval"
)

func main() {
	oldBundle := flag.String("old", "", "the old catalogue's bundle `FILE`")
	newBundle := flag.String("new", "", "the new catalogue's bundle `FILE`")
	rounds := flag.Int("rounds", 3, "evaluate every file this many times per catalogue")
	opaProfile := flag.Int("profile", 0, "print the `N` expressions of the new catalogue that take the most time (OPA's profiler, one round)")
	perRule := flag.Int("rules", 0, "print the `N` rules of the new catalogue that allocate the most, each evaluated alone (shared helpers counted in every rule)")
	memProfile := flag.String("memprofile", "", "write an allocation profile of the whole run to `FILE`")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the new catalogue's timed rounds to `FILE`")
	evaluator := flag.String("evaluator", "topdown", "how the new catalogue is evaluated: `topdown` (OPA's interpreter, archvet's default) or wasm (compiled, archvet check --evaluator wasm)")
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
	var allocs [2]uint64
	var rules [2]int
	for i, b := range []string{*oldBundle, *newBundle} {
		eval, err := evaluatorFor(ctx, b, i == 1 && *evaluator == "wasm")
		if err != nil {
			fmt.Fprintln(os.Stderr, "catalogues:", b, err)
			os.Exit(1)
		}
		// One warm-up pass, so neither catalogue pays for first use.
		for _, in := range inputs {
			n, err := eval(in)
			if err != nil {
				fmt.Fprintln(os.Stderr, "catalogues:", b, err)
				os.Exit(1)
			}
			rules[i] = n
		}
		if i == 1 && *opaProfile > 0 {
			profile(ctx, b, inputs, *opaProfile)
		}
		if i == 1 && *perRule > 0 {
			costs(ctx, b, inputs, *rounds, *perRule)
		}
		if i == 1 && *cpuProfile != "" {
			f, err := os.Create(*cpuProfile)
			if err != nil {
				fmt.Fprintln(os.Stderr, "catalogues:", err)
				os.Exit(1)
			}
			defer f.Close()
			if err := pprof.StartCPUProfile(f); err != nil {
				fmt.Fprintln(os.Stderr, "catalogues:", err)
				os.Exit(1)
			}
			defer pprof.StopCPUProfile()
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		mallocs := ms.Mallocs
		start := cpuTime()
		for range *rounds {
			for _, in := range inputs {
				if _, err := eval(in); err != nil {
					fmt.Fprintln(os.Stderr, "catalogues:", err)
					os.Exit(1)
				}
			}
		}
		perFile[i] = (cpuTime() - start) / time.Duration(*rounds*len(inputs))
		runtime.ReadMemStats(&ms)
		allocs[i] = (ms.Mallocs - mallocs) / uint64(*rounds*len(inputs))
	}
	if *memProfile != "" {
		f, err := os.Create(*memProfile)
		if err == nil {
			_ = pprof.Lookup("allocs").WriteTo(f, 0)
			f.Close()
		}
	}
	// Allocations per file are printed beside the times: they hardly
	// depend on the neighbours, so they show a change in the work done
	// when the times are too noisy to.
	fmt.Printf("files %d\nold_rules %d\nnew_rules %d\nold_us_per_file %d\nnew_us_per_file %d\nratio %.2f\nold_allocs_per_file %d\nnew_allocs_per_file %d\n",
		len(inputs), rules[0], rules[1], perFile[0].Microseconds(), perFile[1].Microseconds(),
		float64(perFile[0])/float64(perFile[1]), allocs[0], allocs[1])
}

// evaluatorFor prepares a bundle's report query: with OPA's topdown
// interpreter, as the catalogue before issue 11 was always evaluated, or
// compiled to Wasm, as archvet check --evaluator wasm evaluates it. The
// Wasm side pays for writing each input as JSON, which topdown does not
// need, and compiling is not counted (about a second, once a run). The
// evaluator returns the number of rules in the report.
func evaluatorFor(ctx context.Context, bundle string, compiled bool) (func(ast.Value) (int, error), error) {
	if !compiled {
		pq, err := rego.New(rego.Query("data.archvet.engine.report"), rego.LoadBundle(bundle)).PrepareForEval(ctx)
		if err != nil {
			return nil, err
		}
		return func(in ast.Value) (int, error) {
			rs, err := pq.Eval(ctx, rego.EvalParsedInput(in))
			if err != nil {
				return 0, err
			}
			obj, _ := rs[0].Expressions[0].Value.(map[string]any)
			return len(obj), nil
		}, nil
	}
	b, err := loader.NewFileLoader().AsBundle(bundle)
	if err != nil {
		return nil, err
	}
	modules := map[string]*ast.Module{}
	for _, m := range b.Modules {
		modules[m.Path] = m.Parsed
	}
	compiler := ast.NewCompiler()
	if compiler.Compile(modules); compiler.Failed() {
		return nil, compiler.Errors
	}
	module, err := wasmeval.Compile(ctx, compiler, "data.archvet.engine.report", ast.CapabilitiesForThisVersion())
	if err != nil {
		return nil, err
	}
	p, err := wasmeval.New(ctx, module, b.Data, 256<<20, ast.CapabilitiesForThisVersion())
	if err != nil {
		return nil, err
	}
	now := time.Now()
	return func(in ast.Value) (int, error) {
		raw, err := wasmeval.EncodeInput(in)
		if err != nil {
			return 0, err
		}
		v, err := p.Eval(ctx, raw, now)
		if err != nil {
			return 0, err
		}
		obj, _ := v.(ast.Object)
		return obj.Len(), nil
	}, nil
}

// profile evaluates every file once more under OPA's profiler and
// prints the n expressions that took the most time over all of them.
func profile(ctx context.Context, bundle string, inputs []ast.Value, n int) {
	prof := profiler.New()
	pq, err := rego.New(rego.Query("data.archvet.engine.report"), rego.LoadBundle(bundle)).PrepareForEval(ctx)
	if err != nil {
		fmt.Fprintln(os.Stderr, "catalogues:", bundle, err)
		os.Exit(1)
	}
	for _, in := range inputs {
		if _, err := pq.Eval(ctx, rego.EvalParsedInput(in), rego.EvalQueryTracer(prof)); err != nil {
			fmt.Fprintln(os.Stderr, "catalogues:", err)
			os.Exit(1)
		}
	}
	for _, s := range prof.ReportTopNResults(n, []string{"total_time_ns"}) {
		fmt.Fprintf(os.Stderr, "%8.2f ms %7d evals %s:%d\n", float64(s.ExprTimeNs)/1e6, s.NumEval, s.Location.File, s.Location.Row)
	}
}

// costs times every rule of the bundle's report on its own (the report's
// rN rule: applicability, findings, questions), and prints the n dearest.
func costs(ctx context.Context, bundle string, inputs []ast.Value, rounds, n int) {
	b, err := loader.NewFileLoader().AsBundle(bundle)
	if err != nil {
		fmt.Fprintln(os.Stderr, "catalogues:", bundle, err)
		os.Exit(1)
	}
	var eng *ast.Module
	for _, m := range b.Modules {
		if m.Parsed.Package.Path.String() == "data.archvet.engine" {
			eng = m.Parsed
		}
	}
	if eng == nil {
		fmt.Fprintln(os.Stderr, "catalogues: no data.archvet.engine in", bundle)
		os.Exit(1)
	}
	// report := {"ID001": ENTRY, ...}: each entry is an expression over
	// fully qualified references, so it can be asked for on its own.
	entries := map[string]string{}
	for _, r := range eng.Rules {
		if r.Head.Name.String() != "report" {
			continue
		}
		if obj, ok := r.Head.Value.Value.(ast.Object); ok {
			obj.Foreach(func(k, v *ast.Term) { entries[strings.Trim(k.String(), `"`)] = v.String() })
		}
	}
	type cost struct {
		id     string
		d      time.Duration
		allocs uint64
	}
	var all []cost
	var total time.Duration
	for id, entry := range entries {
		q, err := rego.New(rego.Query(entry), rego.LoadBundle(bundle)).PrepareForEval(ctx)
		if err != nil {
			fmt.Fprintln(os.Stderr, "catalogues:", err)
			os.Exit(1)
		}
		for _, in := range inputs {
			_, _ = q.Eval(ctx, rego.EvalParsedInput(in))
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		mallocs := ms.Mallocs
		start := cpuTime()
		for range rounds {
			for _, in := range inputs {
				_, _ = q.Eval(ctx, rego.EvalParsedInput(in))
			}
		}
		d := (cpuTime() - start) / time.Duration(rounds*len(inputs))
		runtime.ReadMemStats(&ms)
		all = append(all, cost{id, d, (ms.Mallocs - mallocs) / uint64(rounds*len(inputs))})
		total += d
	}
	// By allocations: on a busy machine they rank the rules the way the
	// times would on a quiet one.
	sort.Slice(all, func(i, j int) bool {
		return all[i].allocs > all[j].allocs || all[i].allocs == all[j].allocs && all[i].id < all[j].id
	})
	fmt.Fprintf(os.Stderr, "sum of the rules alone: %d us per file\n", total.Microseconds())
	for _, c := range all[:min(n, len(all))] {
		fmt.Fprintf(os.Stderr, "%7d us %6d allocs %s\n", c.d.Microseconds(), c.allocs, c.id)
	}
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
