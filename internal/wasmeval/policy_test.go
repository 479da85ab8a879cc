package wasmeval

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// compiled is a policy and the same policy under topdown, so a test can
// hold the compiled answer to the interpreter's.
type compiled struct {
	wasm    *Policy
	topdown rego.PreparedEvalQuery
}

func compileFor(t testing.TB, src string, data map[string]any, memoryLimit int) compiled {
	t.Helper()
	ctx := context.Background()
	if data == nil {
		data = map[string]any{}
	}
	m, err := ast.ParseModuleWithOpts("p.rego", src, ast.ParserOptions{RegoVersion: ast.RegoV1})
	if err != nil {
		t.Fatal(err)
	}
	c := ast.NewCompiler()
	if c.Compile(map[string]*ast.Module{"p.rego": m}); c.Failed() {
		t.Fatal(c.Errors)
	}
	caps := ast.CapabilitiesForThisVersion()
	module, err := Compile(ctx, c, "data.p.out", caps)
	if err != nil {
		t.Fatal(err)
	}
	p, err := New(ctx, module, data, memoryLimit, caps)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	td, err := rego.New(rego.Compiler(c), rego.Query("data.p.out"), rego.Data(data)).PrepareForEval(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return compiled{wasm: p, topdown: td}
}

func (c compiled) both(t *testing.T, input string, now time.Time) (wasm, topdown ast.Value) {
	t.Helper()
	ctx := context.Background()
	iv, err := ast.ParseTerm(input)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := EncodeInput(iv.Value)
	if err != nil {
		t.Fatal(err)
	}
	if wasm, err = c.wasm.Eval(ctx, raw, now); err != nil {
		t.Fatalf("wasm: %v", err)
	}
	raw2ast := func(t *ast.Term, _ *rego.EvalContext) (any, error) { return t.Value, nil }
	rs, err := c.topdown.Eval(ctx, rego.EvalParsedInput(iv.Value), rego.EvalTime(now), rego.EvalGenerateJSON(raw2ast))
	if err != nil || len(rs) != 1 {
		t.Fatalf("topdown: %v %v", rs, err)
	}
	return wasm, rs[0].Expressions[0].Value.(ast.Value)
}

// The compiled policy gives topdown's answers, builtins called back to Go
// included: sprintf of numbers and sets, dates against the evaluation's
// time, regular expressions, decimal arithmetic, strings that need
// escaping, sets of objects.
func TestCompiledAnswersAsTopdown(t *testing.T) {
	c := compileFor(t, `package p

out := {
	"budget": sprintf("%v minutes, %.1f%%", [round(((100 - input.slo) / 100) * 43200), input.slo]),
	"set": sprintf("%v", [{x | some x in input.names}]),
	"age_days": floor((time.now_ns() - time.parse_rfc3339_ns(input.tested)) / (((24 * 60) * 60) * 1e9)),
	"parts": regex.split("[,;] *", input.list),
	"replaced": regex.replace(input.list, "[0-9]+", "N"),
	"quoted": concat("|", [input.odd, "\u0001\t\"\\"]),
	"pairs": {[i, n] | some i, n in input.names},
	"by_len": {count(n): n | some n in input.names},
	"limit": input.params[input.tier],
	"threshold": data.thresholds[input.tier],
}
`, map[string]any{"thresholds": []any{99.99, 99.9, 99.5, 99}}, 64<<20)
	now := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	for _, input := range []string{
		`{"slo": 99.99, "names": ["a", "bb", "ccc"], "tested": "2026-01-02T03:04:05Z", "list": "x1, y22;z333", "odd": "é\u2028<&>", "params": [1, 2, 3, 4], "tier": 0}`,
		`{"slo": 99.5, "names": [], "tested": "2020-02-29T00:00:00Z", "list": "", "odd": "", "params": [0.1, 0.2, 1e3, -7], "tier": 3}`,
	} {
		wasm, topdown := c.both(t, input, now)
		if wasm.Compare(topdown) != 0 {
			t.Errorf("input %s:\nwasm    %v\ntopdown %v", input, wasm, topdown)
		}
	}
}

// Where the two differ: topdown computes with binary floating point once
// a division does not come out exact, the Wasm library in decimal. A
// policy that prints a computed fraction unrounded reads differently
// under the two, which is why archvet evaluates with topdown unless told.
func TestFractionsDifferInTheLastDigits(t *testing.T) {
	c := compileFor(t, "package p\n\nout := sprintf(\"%v\", [((100 - input.slo) / 100) * 43200])\n", nil, 64<<20)
	wasm, topdown := c.both(t, `{"slo": 99.99}`, time.Now())
	if wasm.Compare(ast.String("4.32")) != 0 || topdown.Compare(ast.String("4.320000000000001")) != 0 {
		t.Errorf("wasm %v, topdown %v", wasm, topdown)
	}
}

// A conflict aborts the evaluation with an error, never a panic, and the
// next evaluation runs on a fresh instance.
func TestAbortIsAnError(t *testing.T) {
	c := compileFor(t, `package p

out := input.a if input.a
out := input.b if input.b
`, nil, 64<<20)
	ctx := context.Background()
	if _, err := c.wasm.Eval(ctx, []byte(`{"a": 1, "b": 2}`), time.Now()); err == nil {
		t.Fatal("a conflict evaluated without error")
	}
	v, err := c.wasm.Eval(ctx, []byte(`{"a": 1}`), time.Now())
	if err != nil || v.Compare(ast.Number("1")) != 0 {
		t.Fatalf("after the abort: %v, %v", v, err)
	}
}

// A runaway policy stops at the context's deadline.
func TestDeadlineStopsEvaluation(t *testing.T) {
	c := compileFor(t, `package p

out := count([x | some x in numbers.range(1, input.n); x % 7 == 0])
`, nil, 256<<20)
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.wasm.Eval(ctx, []byte(`{"n": 100000000}`), time.Now())
	if err == nil {
		t.Fatal("a runaway evaluation finished")
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error %v, want the deadline", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("stopped after %s", d)
	}
}

// A policy that builds more than the memory limit fails; the process's
// memory is not what bounds it.
func TestMemoryLimitStopsEvaluation(t *testing.T) {
	c := compileFor(t, `package p

out := count(concat("", [s | some _ in numbers.range(1, input.n); s := input.chunk]))
`, nil, 8<<20)
	chunk := strings.Repeat("x", 1<<10)
	raw, _ := json.Marshal(map[string]any{"n": 20000, "chunk": chunk})
	if _, err := c.wasm.Eval(context.Background(), raw, time.Now()); err == nil {
		t.Fatal("an evaluation over the memory limit finished")
	}
	raw, _ = json.Marshal(map[string]any{"n": 10, "chunk": chunk})
	v, err := c.wasm.Eval(context.Background(), raw, time.Now())
	if err != nil || v.Compare(ast.Number("10240")) != 0 {
		t.Fatalf("under the limit: %v, %v", v, err)
	}
}

// An input larger than the memory limit is an error before evaluation.
func TestInputOverMemoryLimit(t *testing.T) {
	c := compileFor(t, "package p\n\nout := count(input.s)\n", nil, 4<<20)
	raw, _ := json.Marshal(map[string]any{"s": strings.Repeat("y", 8<<20)})
	if _, err := c.wasm.Eval(context.Background(), raw, time.Now()); err == nil {
		t.Fatal("an input over the limit evaluated")
	}
}

// Concurrent evaluations each borrow an instance of their own.
func TestConcurrentEvaluations(t *testing.T) {
	c := compileFor(t, "package p\n\nout := sprintf(\"%d\", [input.n * 2])\n", nil, 64<<20)
	errs := make(chan error, 8)
	for g := range 8 {
		go func() {
			for i := range 50 {
				n := g*1000 + i
				v, err := c.wasm.Eval(context.Background(), []byte(`{"n": `+jsonInt(n)+`}`), time.Now())
				if err == nil && v.Compare(ast.String(jsonInt(2*n))) != 0 {
					err = errors.New("wrong answer " + v.String())
				}
				if err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
}

func jsonInt(n int) string { b, _ := json.Marshal(n); return string(b) }

func BenchmarkEvalSmall(b *testing.B) {
	c := compileFor(b, "package p\n\nout := 1\n", nil, 64<<20)
	ctx := context.Background()
	now := time.Now()
	in := []byte(`{"a": 1}`)
	for b.Loop() {
		if _, err := c.wasm.Eval(ctx, in, now); err != nil {
			b.Fatal(err)
		}
	}
}
