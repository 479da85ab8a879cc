package checks

import (
	"context"
	"runtime"
	"sync"
)

// inFlightPerWorker bounds how many files may be checked ahead of the
// next one to emit, per worker. A slow file holds back the emission of
// the files after it; this keeps those few waiting reports, and not the
// whole run, in memory.
const inFlightPerWorker = 4

// Stream checks files in parallel on every core, like CheckAll, but hands
// each file's report to emit as soon as it and every file before it are
// done, in input order, and keeps none of them: memory stays flat however
// many files a run has. Skipped files (discovered files that are not
// design reviews) are not emitted.
//
// emit is called from one goroutine at a time. When it returns an error,
// no new file is started and Stream returns that error. Once ctx is
// cancelled (an interrupt), no new file is started either, and Stream
// returns ctx.Err() after the files under way have stopped.
func (c *Checker) Stream(ctx context.Context, inputs []Input, emit func(FileReport) error) error {
	workers := min(runtime.NumCPU(), len(inputs))
	if workers == 0 {
		return nil
	}
	type result struct {
		i   int
		rep FileReport
	}
	window := inFlightPerWorker * workers
	jobs := make(chan int)
	results := make(chan result, window)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func(jobs <-chan int) {
			defer wg.Done()
			for i := range jobs {
				if ctx.Err() != nil {
					continue // drain: the run is over
				}
				results <- result{i, c.CheckFile(ctx, inputs[i])}
			}
		}(jobs)
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	var (
		err     error
		pending = map[int]FileReport{}
		sent    = 0 // files handed to workers
		next    = 0 // the next file to emit
		done    = ctx.Done()
		open    = true
	)
	for {
		feed := jobs
		if err != nil || ctx.Err() != nil || sent == len(inputs) {
			if open {
				close(jobs)
				open = false
			}
			feed = nil
		} else if sent-next >= window {
			feed = nil // wait for the file holding up the others
		}
		select {
		case feed <- sent:
			sent++
		case <-done:
			done = nil // noticed; the next turn stops feeding
		case r, ok := <-results:
			if !ok {
				if err == nil {
					err = ctx.Err()
				}
				return err
			}
			pending[r.i] = r.rep
			for {
				f, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				next++
				if c.Progress != nil {
					c.Progress(next, len(inputs))
				}
				if err == nil && !f.Skipped {
					err = emit(f)
				}
			}
		}
	}
}
