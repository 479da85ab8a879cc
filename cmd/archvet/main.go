// Command archvet vets a service's design review against architecture
// checklists written as OPA policies.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// interruptGrace is how long an interrupted run may take to stop cleanly
// before it is ended unconditionally.
const interruptGrace = 3 * time.Second

func main() {
	tuneGC()
	// The first SIGINT or SIGTERM cancels the run, which then stops
	// cleanly (no partial report, no temporary file) and exits 130; once
	// it has, a second signal kills the process at once, as a user
	// pressing Ctrl-C again expects.
	//
	// A run blocked in a system call (a write to a stalled pipe, a read
	// that never returns) never reaches a checkpoint, so the first signal
	// also starts a grace period, after which the process exits 130
	// whatever it is doing: a CI runner's cancel always ends the run.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop()
		time.Sleep(interruptGrace)
		fmt.Fprintln(os.Stderr, "archvet: interrupted")
		os.Exit(exitInterrupt)
	}()
	code := runContext(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
