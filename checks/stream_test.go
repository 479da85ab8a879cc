package checks

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"
)

// missingInputs are files that do not exist: each is reported broken at
// once, without an engine, which is enough to test the plumbing.
func missingInputs(n int) []Input {
	in := make([]Input, n)
	for i := range in {
		in[i] = Input{Path: filepath.Join("missing", fmt.Sprintf("design-%04d.yaml", i))}
	}
	return in
}

func TestStreamKeepsInputOrder(t *testing.T) {
	inputs := missingInputs(500)
	var got []string
	progress := 0
	c := &Checker{Progress: func(done, total int) {
		if done != progress+1 || total != len(inputs) {
			t.Errorf("progress %d/%d after %d", done, total, progress)
		}
		progress = done
	}}
	err := c.Stream(context.Background(), inputs, func(f FileReport) error {
		got = append(got, f.Path)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(inputs) {
		t.Fatalf("emitted %d files, want %d", len(got), len(inputs))
	}
	for i, p := range got {
		if p != inputs[i].Path {
			t.Fatalf("file %d is %s, want %s", i, p, inputs[i].Path)
		}
	}
}

func TestStreamStopsOnEmitError(t *testing.T) {
	stop := errors.New("disk full")
	emitted := 0
	err := (&Checker{}).Stream(context.Background(), missingInputs(500), func(FileReport) error {
		emitted++
		if emitted == 10 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Errorf("Stream returned %v, want the emit error", err)
	}
	if emitted != 10 {
		t.Errorf("emit was called %d times, want 10: nothing after its error", emitted)
	}
}

func TestStreamStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := (&Checker{}).Stream(ctx, missingInputs(1000), func(FileReport) error {
		t.Fatal("a cancelled run emitted a file")
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Stream returned %v, want context.Canceled", err)
	}
}

// TestStreamMatchesCheckAll checks real design reviews both ways: the
// streamed reports are the ones CheckAll collects.
func TestStreamMatchesCheckAll(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles the catalogue; skipped with -short")
	}
	engine, sch := compiledEngine(t)
	c := &Checker{Engine: engine, Schema: sch, Now: benchNow}
	var inputs []Input
	for _, name := range benchExamples {
		inputs = append(inputs, Input{Path: filepath.Join("..", "examples", name, "design.yaml")})
	}
	inputs = append(inputs, Input{Path: filepath.Join("..", "examples", "missing.yaml")})
	want := c.CheckAll(context.Background(), inputs)
	var got Report
	if err := c.Stream(context.Background(), inputs, func(f FileReport) error {
		got.Files = append(got.Files, f)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("the streamed reports differ from CheckAll's")
	}
}
