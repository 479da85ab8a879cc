package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// A system run keeps more live than a run of files alone: pass 1's facts,
// then the system built from them and the system findings the report
// prints, on top of the compiled catalogue (together some 50 MB more at
// 10,000 services). Under the stream's fixed memory limit (gc.go) the
// collector would have less and less room for the files' garbage while
// marking more each time: at 10,000 services it was a third of the run.
// So a system run raises the limit by twice what it keeps live beyond
// the catalogue (the room GOGC=100 would give it), and the files' garbage
// keeps the room it has in a run without a system. Peak memory grows with
// the system instead: some 250 MB at 10,000 services.

// gcFollowInterval is how often the limit follows the live heap.
const gcFollowInterval = 20 * time.Millisecond

// gcFollowSystem starts raising the memory limit with the live heap, for
// the rest of the process; it is called before pass 1. The limit is only
// ever raised, so a collecting run's (none) stays.
func gcFollowSystem() {
	if !gcTuned {
		return
	}
	runtime.GC() // the live heap of the catalogue, measured
	base := liveHeap()
	limit := debug.SetMemoryLimit(-1)
	if base <= 0 {
		return
	}
	go func() {
		tick := time.NewTicker(gcFollowInterval)
		defer tick.Stop()
		for range tick.C {
			if want := limit + 2*(liveHeap()-base); want > debug.SetMemoryLimit(-1) {
				debug.SetMemoryLimit(want)
			}
		}
	}()
}

// liveHeap is the live heap the collector last marked, 0 if unknown.
func liveHeap() int64 {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(sample[0].Value.Uint64())
}
