package main

import (
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
)

// A check allocates freely (policy evaluation builds and drops a few
// megabytes per file) on a small live heap (the compiled catalogue and the
// few files in flight, some 25 MB), so Go's default collector, which
// collects whenever the heap doubles, spends a third of a run collecting.
// archvet lets the heap grow further between collections but caps it: the
// memory limit, not the growth ratio, decides when to collect, and the
// process stays near 100 MB however many files it checks. Measured on
// 300 design reviews: 7.2 s of CPU with the defaults, 4.8 to 5.2 s so.
//
// GOGC or GOMEMLIMIT in the environment switch this off, and commands run
// in-process by tests keep the test binary's settings: only main tunes.
const (
	streamGCPercent  = 400
	streamHeapLimit  = 96 << 20
	collectGCPercent = 200
)

// gcTuned records that main chose the collector's settings.
var gcTuned bool

// tuneGC sets the collector for a check, unless the environment does.
func tuneGC() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(streamGCPercent)
	debug.SetMemoryLimit(streamHeapLimit)
	gcTuned = true
}

// gcForStreaming raises the memory limit when the compiled catalogue
// alone (an organisation's large policy pack) would leave the collector
// too little room under it: a limit below the live heap makes it collect
// without pause.
func gcForStreaming() {
	if !gcTuned {
		return
	}
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	// Never below the limit set so far (a system run's, gc_system.go).
	if live := int64(sample[0].Value.Uint64()); 4*live > debug.SetMemoryLimit(-1) {
		debug.SetMemoryLimit(4 * live)
	}
}

// gcForCollecting lifts the memory limit for a run that holds every
// file's report until the end (sarif, junit, markdown and html, and
// baselines): its heap grows with the number of files, and a limit below
// it would have the collector run without pause.
func gcForCollecting() {
	if !gcTuned {
		return
	}
	debug.SetMemoryLimit(math.MaxInt64)
	debug.SetGCPercent(collectGCPercent)
}
