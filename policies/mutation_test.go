package policies_test

import (
	"context"
	"testing"

	"github.com/archvet/archvet/internal/mutation"
	"github.com/archvet/archvet/rules"
)

// minMutationScore is the share of mutants the catalogue's tests must
// kill: a flipped comparison, a shifted threshold or a negated condition
// in a rule should make one of its own tests fail.
const minMutationScore = 90

// mutationSample bounds the run for CI; the catalogue yields a few
// thousand mutants, and a fixed-seed sample of this size measures the
// score to within a couple of points.
const mutationSample = 2000

// TestMutationScore is the mutation check of the catalogue. Run
// `go run ./internal/tools/mutate -rule ID` to see a rule's survivors.
func TestMutationScore(t *testing.T) {
	sources, err := rules.BuiltinSources()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := mutation.Run(context.Background(), sources, mutation.Options{Sample: mutationSample, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Mutants) == 0 {
		t.Fatal("no mutant was run")
	}
	t.Logf("mutation score %.1f%%: %d of %d mutants killed (%d generated, %d did not compile)",
		rep.Score(), rep.Killed(), len(rep.Mutants), rep.Generated, rep.Invalid)
	if rep.Score() < minMutationScore {
		survivors := 0
		for _, m := range rep.Mutants {
			if !m.Killed && survivors < 40 {
				t.Logf("survived: %s %s:%d %s %s", m.Rule, m.File, m.Line, m.Kind, m.Change)
				survivors++
			}
		}
		t.Errorf("mutation score %.1f%% is below %d%%", rep.Score(), minMutationScore)
	}
}
