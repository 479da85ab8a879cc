// Command archvet vets a service's design review against architecture
// checklists written as OPA policies.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	tuneGC()
	// The first SIGINT or SIGTERM cancels the run, which then stops
	// cleanly (no partial report, no temporary file) and exits 130; once
	// it has, a second signal kills the process at once, as a user
	// pressing Ctrl-C again expects.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop()
	}()
	code := runContext(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
