// Command mutate runs the mutation check over the built-in catalogue and
// prints the mutants that survived, so a policy author can see which
// change to a rule no test notices:
//
//	go run ./internal/tools/mutate              # every mutant
//	go run ./internal/tools/mutate -rule PR401  # one rule's
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/archvet/archvet/internal/mutation"
	"github.com/archvet/archvet/rules"
)

func main() {
	only := flag.String("rule", "", "comma-separated rule ids to mutate (default every rule)")
	sample := flag.Int("sample", 0, "run at most this many mutants, drawn with a fixed seed")
	flag.Parse()
	sources, err := rules.BuiltinSources()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	opts := mutation.Options{Sample: *sample, Seed: 1}
	if *only != "" {
		opts.Only = map[string]bool{}
		for _, id := range strings.Split(*only, ",") {
			opts.Only[strings.ToUpper(strings.TrimSpace(id))] = true
		}
	}
	rep, err := mutation.Run(context.Background(), sources, opts)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	for _, m := range rep.Mutants {
		if !m.Killed {
			fmt.Printf("survived %s %s:%d %s %s\n", m.Rule, m.File, m.Line, m.Kind, m.Change)
		}
	}
	fmt.Printf("mutation score %.1f%%: %d of %d mutants killed (%d generated, %d did not compile)\n",
		rep.Score(), rep.Killed(), len(rep.Mutants), rep.Generated, rep.Invalid)
}
