// Command floor is the least a program can do to answer what archvet
// check answers, used by bench/run.sh as the floor archvet is measured
// against: it loads the bundle archvet exports, prepares its one query
// (data.archvet.engine.report), and for each YAML file decodes it into
// plain values and evaluates the query on every core. It keeps no
// position, validates nothing, scores nothing and writes no report.
//
//	go build -o bench/out/bin/floor ./bench/floor
//	floor -bundle archvet-bundle.tar.gz DIR...
package main

import (
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"gopkg.in/yaml.v3"
)

func main() {
	bundle := flag.String("bundle", "", "the bundle `FILE` (.tar.gz) or directory that archvet bundle wrote")
	flag.Parse()
	if *bundle == "" || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: floor -bundle FILE PATH...")
		os.Exit(2)
	}
	n, err := run(context.Background(), *bundle, flag.Args())
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
	fmt.Printf("%d files evaluated\n", n)
}

func run(ctx context.Context, bundle string, args []string) (int, error) {
	pq, err := rego.New(
		rego.Query("data.archvet.engine.report"),
		rego.LoadBundle(bundle),
	).PrepareForEval(ctx)
	if err != nil {
		return 0, err
	}
	files, err := yamlFiles(args)
	if err != nil {
		return 0, err
	}
	var (
		next     atomic.Int64
		firstErr error
		once     sync.Once
		wg       sync.WaitGroup
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(files) {
					return
				}
				if err := evaluate(ctx, pq, files[i]); err != nil {
					once.Do(func() { firstErr = fmt.Errorf("%s: %w", files[i], err) })
				}
			}
		}()
	}
	wg.Wait()
	return len(files), firstErr
}

// evaluate decodes one file and evaluates the query on it.
func evaluate(ctx context.Context, pq rego.PreparedEvalQuery, path string) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var doc any
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return err
	}
	input, err := ast.InterfaceToValue(plain(doc))
	if err != nil {
		return err
	}
	rs, err := pq.Eval(ctx, rego.EvalParsedInput(input))
	if err != nil {
		return err
	}
	if len(rs) != 1 {
		return fmt.Errorf("the query returned %d results", len(rs))
	}
	return nil
}

// plain turns the dates yaml.v3 decodes into time.Time back into the text
// they were written as, as archvet's loader keeps them.
func plain(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = plain(e)
		}
	case []any:
		for i, e := range x {
			x[i] = plain(e)
		}
	case time.Time:
		if x.Hour() == 0 && x.Minute() == 0 && x.Second() == 0 && x.Nanosecond() == 0 {
			return x.Format(time.DateOnly)
		}
		return x.Format(time.RFC3339Nano)
	}
	return v
}

// yamlFiles lists the .yaml and .yml files given or found below the
// directories given, sorted as filepath.WalkDir finds them.
func yamlFiles(args []string) ([]string, error) {
	var out []string
	for _, arg := range args {
		err := filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			ext := strings.ToLower(filepath.Ext(p))
			if !d.IsDir() && (ext == ".yaml" || ext == ".yml") {
				out = append(out, p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
