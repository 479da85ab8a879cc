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
	"github.com/open-policy-agent/opa/v1/topdown"
)

// A custom policy can allocate faster than any timeout stops it: thirty
// doublings of a string reach 16 GiB in a few seconds, and the process
// dies of "out of memory" with no report. So evaluation memory is bounded
// too. Go cannot count one goroutine's allocations, so a watchdog samples
// the process heap while evaluations run. What a runaway policy builds is
// live data, so the bound is on the live heap the collector last marked,
// compared with the live heap when the evaluation started: garbage, however
// fast it is made, never trips it. A backstop on all heap objects, the
// budget past the heap's goal (the collector keeps a healthy process near
// its goal), catches growth between two collections, before it is marked.
// An evaluation over its budget is cancelled, and the file reports the
// policy that ran away.

// DefaultEvalMemory is how much the live heap may grow while an
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
	// liveLimit bounds the live heap, objectLimit all heap objects.
	liveLimit, objectLimit uint64
	cancel                 context.CancelCauseFunc
}

var memSamples = []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/goal:bytes"}, {Name: "/gc/heap/live:bytes"}}

// heapStats is what the watchdog reads of the heap.
type heapStats struct{ objects, goal, live uint64 }

func heapNow() heapStats {
	s := make([]metrics.Sample, len(memSamples))
	copy(s, memSamples)
	metrics.Read(s)
	v := func(i int) uint64 {
		if s[i].Value.Kind() == metrics.KindUint64 {
			return s[i].Value.Uint64()
		}
		return 0
	}
	return heapStats{objects: v(0), goal: v(1), live: v(2)}
}

// boundMemory returns a context the watchdog cancels, with cause
// errOverMemory, once the live heap grows budget bytes past what it was
// at the start, or all heap objects budget bytes past the heap's goal;
// release ends the watch.
func boundMemory(ctx context.Context, budget uint64) (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(ctx)
	h := heapNow()
	g := &guarded{liveLimit: h.live + budget, objectLimit: h.goal + budget, cancel: cancel}
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
		h := heapNow()
		memWatch.Lock()
		if len(memWatch.active) == 0 {
			memWatch.running = false
			memWatch.Unlock()
			return
		}
		for g := range memWatch.active {
			if h.live > g.liveLimit || h.objects > g.objectLimit {
				g.cancel(errOverMemory)
			}
		}
		memWatch.Unlock()
	}
}

// memoryError names the policy that ran away: the file is evaluated once
// more, under the same bound, with a tracer that charges each policy file
// with the heap growth seen while evaluation was in it. The last file
// entered is not the culprit here, as it is for a timeout: a policy may
// build its huge value, give up (a builtin error makes its rule
// undefined), and leave the heap full for the next rule to trip over. The
// memory of the first run is collected first, so the second starts small.
func (e *Engine) memoryError(input ast.Value, now time.Time) error {
	runtime.GC()
	ctx, cancel := context.WithTimeout(context.Background(), e.timeout)
	defer cancel()
	ctx, release := boundMemory(ctx, DefaultEvalMemory)
	defer release()
	tr := &growthTracer{growth: map[string]int64{}}
	_, _ = e.query.Eval(ctx, rego.EvalParsedInput(input), rego.EvalTime(now), rego.EvalQueryTracer(tr))
	tr.enter("")
	runtime.GC()
	return e.unfinished(fmt.Sprintf("%v (%d MiB)", errOverMemory, DefaultEvalMemory>>20), tr.file())
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

// growthTracer charges the heap's growth to the policy file evaluation is
// in, sampling the heap each time evaluation moves to another file.
type growthTracer struct {
	mu      sync.Mutex
	current string
	at      uint64
	growth  map[string]int64
}

func (t *growthTracer) Enabled() bool               { return true }
func (t *growthTracer) Config() topdown.TraceConfig { return topdown.TraceConfig{} }
func (t *growthTracer) TraceEvent(ev topdown.Event) {
	if ev.Location == nil || ev.Location.File == "" || ev.Location.File == engineFile {
		return
	}
	t.enter(ev.Location.File)
}

func (t *growthTracer) enter(file string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if file == t.current {
		return
	}
	h := heapNow()
	if t.current != "" {
		t.growth[t.current] += int64(h.objects) - int64(t.at)
	}
	t.current, t.at = file, h.objects
}

// file is the policy file charged with the most growth.
func (t *growthTracer) file() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	best, most := "", int64(0)
	for f, g := range t.growth {
		if g > most || (g == most && f < best) {
			best, most = f, g
		}
	}
	return best
}
