package checks

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"runtime/metrics"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// A custom policy can allocate faster than any timeout stops it: thirty
// doublings of a string reach 16 GiB in a few seconds, and the process
// dies of "out of memory" with no report. So evaluation memory is bounded
// too. Go cannot count one goroutine's allocations, so a watchdog samples
// the process heap while evaluations run and compares it with the heap's
// goal when each evaluation started (the collector keeps a healthy
// process near that goal; what grows far past it is live data a policy is
// building). An evaluation whose budget is exceeded is cancelled, and the
// file reports the policy that ran away.

// DefaultEvalMemory is how far the heap may grow past its goal while an
// evaluation runs. The whole catalogue on a review at the list limits
// needs well under 100 MiB.
const DefaultEvalMemory = 256 << 20

// errOverMemory is the cancellation cause of an evaluation stopped by the
// watchdog.
var errOverMemory = errors.New("policy evaluation exceeded the memory limit")

// memWatch is the process's one watchdog and the evaluations it guards.
var memWatch = struct {
	sync.Mutex
	active  map[*guarded]struct{}
	running bool
}{active: map[*guarded]struct{}{}}

type guarded struct {
	limit  uint64
	cancel context.CancelCauseFunc
}

var memSamples = []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/goal:bytes"}}

// heapNow returns the bytes of heap objects and the heap's goal.
func heapNow() (objects, goal uint64) {
	s := make([]metrics.Sample, len(memSamples))
	copy(s, memSamples)
	metrics.Read(s)
	if s[0].Value.Kind() == metrics.KindUint64 {
		objects = s[0].Value.Uint64()
	}
	if s[1].Value.Kind() == metrics.KindUint64 {
		goal = s[1].Value.Uint64()
	}
	return objects, goal
}

// boundMemory returns a context the watchdog cancels, with cause
// errOverMemory, once the heap grows budget bytes past its goal at the
// start; release ends the watch.
func boundMemory(ctx context.Context, budget uint64) (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(ctx)
	_, goal := heapNow()
	g := &guarded{limit: goal + budget, cancel: cancel}
	memWatch.Lock()
	memWatch.active[g] = struct{}{}
	if !memWatch.running {
		memWatch.running = true
		go watchHeap()
	}
	memWatch.Unlock()
	return ctx, func() {
		memWatch.Lock()
		delete(memWatch.active, g)
		memWatch.Unlock()
		cancel(nil)
	}
}

// watchHeap samples the heap every few milliseconds while any evaluation
// runs, and stops when none does.
func watchHeap() {
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for range tick.C {
		objects, _ := heapNow()
		memWatch.Lock()
		if len(memWatch.active) == 0 {
			memWatch.running = false
			memWatch.Unlock()
			return
		}
		for g := range memWatch.active {
			if objects > g.limit {
				g.cancel(errOverMemory)
			}
		}
		memWatch.Unlock()
	}
}

// memoryError names the policy that ran away, as timeoutError does: the
// file is evaluated once more, under the same bound, with a tracer that
// remembers the last policy file it entered. The memory of the first run
// is collected first, so the second starts from a small heap.
func (e *Engine) memoryError(input ast.Value, now time.Time) error {
	runtime.GC()
	ctx, cancel := context.WithTimeout(context.Background(), e.timeout)
	defer cancel()
	ctx, release := boundMemory(ctx, DefaultEvalMemory)
	defer release()
	tr := &lastFileTracer{}
	_, _ = e.query.Eval(ctx, rego.EvalParsedInput(input), rego.EvalTime(now), rego.EvalQueryTracer(tr))
	runtime.GC()
	return e.unfinished(fmt.Sprintf("%v (%d MiB beyond the heap's goal)", errOverMemory, DefaultEvalMemory>>20), tr.file())
}

// unfinished is an evaluation error naming the policy file the run was
// in when it was stopped, and its rule.
func (e *Engine) unfinished(msg, file string) error {
	if file == "" {
		return errors.New(msg)
	}
	for _, r := range e.Catalogue.Rules {
		if r.File == file {
			return fmt.Errorf("%s: rule %s in %s did not finish", msg, r.ID, file)
		}
	}
	return fmt.Errorf("%s: %s did not finish", msg, file)
}
