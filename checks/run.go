package checks

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/internal/document"
	"github.com/archvet/archvet/internal/imports"
	"github.com/archvet/archvet/internal/schema"
)

// DefaultMaxFileSize bounds what archvet reads into memory for one design
// review. Real reviews are a few kilobytes; the limit stops a stray dump
// from exhausting a CI runner.
const DefaultMaxFileSize = 10 << 20

// Checker runs the whole pipeline for design-review files: read, decode,
// validate against the schema, evaluate, score and judge.
type Checker struct {
	Engine      *Engine
	Schema      *schema.Schema
	Gate        Gate
	Now         time.Time
	MaxFileSize int64
	// Profiles adjust rules and the gate per service tier.
	Profiles map[int]Profile
	// Progress, if set, is told after each file how many of the inputs are
	// done. CheckAll calls it from one goroutine at a time.
	Progress func(done, total int)
}

// Input is one file to check. Discovered files (found by walking a
// directory) that do not declare format_version are not design reviews
// and are skipped; files named explicitly are always checked.
type Input struct {
	Path       string
	Discovered bool
}

// FileReport is everything archvet found about one file.
type FileReport struct {
	Path        string
	Format      document.Format
	Service     string
	Tier        int
	Diagnostics diag.Diagnostics
	Results     []RuleResult
	Scorecard   Scorecard
	Verdict     Verdict
	Maturity    Maturity
	// GateFailures says why the file fails the gate; empty means it passed.
	GateFailures []string
	// Broken is true when the file could not be evaluated at all.
	Broken bool
	// Skipped is true for a discovered file that is not a design review.
	Skipped bool
}

// Report is the outcome of one run, files sorted by path.
type Report struct {
	Files []FileReport
}

// ExitCode maps a run to archvet's exit codes: 2 when any file was broken
// (input errors outrank findings), 1 when any file failed the gate, else 0.
func (r Report) ExitCode() int {
	code := 0
	for _, f := range r.Files {
		switch {
		case f.Broken:
			return 2
		case len(f.GateFailures) > 0:
			code = 1
		}
	}
	return code
}

// CheckAll checks files in parallel on every core with the one compiled
// engine. The report's order is the input order, whatever the scheduling.
func (c *Checker) CheckAll(ctx context.Context, inputs []Input) Report {
	out := make([]FileReport, len(inputs))
	jobs := make(chan int)
	var wg sync.WaitGroup
	var progressMu sync.Mutex
	done := 0
	workers := min(runtime.NumCPU(), len(inputs))
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				out[i] = c.CheckFile(ctx, inputs[i])
				if c.Progress != nil {
					progressMu.Lock()
					done++
					c.Progress(done, len(inputs))
					progressMu.Unlock()
				}
			}
		}()
	}
	for i := range inputs {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	rep := Report{Files: make([]FileReport, 0, len(out))}
	for _, f := range out {
		if !f.Skipped {
			rep.Files = append(rep.Files, f)
		}
	}
	return rep
}

// CheckFile runs the pipeline on one file. It never panics on bad input:
// every problem becomes a diagnostic with a position.
func (c *Checker) CheckFile(ctx context.Context, in Input) FileReport {
	rep := FileReport{Path: in.Path}
	broken := func(d ...diag.Diagnostic) FileReport {
		rep.Diagnostics = append(rep.Diagnostics, d...)
		rep.Broken = true
		return rep
	}
	src, err := c.read(in.Path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return broken(diag.Errorf(&diag.Range{Filename: in.Path}, "cannot read the file: %v", err))
	}
	doc, ds := document.Load(in.Path, src, c.Schema)
	rep.Diagnostics = append(rep.Diagnostics, ds...)
	if doc == nil || ds.HasErrors() {
		if in.Discovered && doc == nil && !looksLikeReview(src) {
			rep.Skipped = true
		}
		rep.Broken = true
		return rep
	}
	if _, ok := doc.Value["format_version"]; !ok && in.Discovered {
		rep.Skipped = true
		return rep
	}
	// Facts imported from Backstage, OpenSLO and Score files join the
	// review before it is validated, indexed at their own files.
	is := imports.Apply(doc)
	rep.Diagnostics = append(rep.Diagnostics, is...)
	if is.HasErrors() {
		rep.Broken = true
		return rep
	}
	rep.Format = doc.Format
	rep.Service, _ = lookup(doc.Value, "service", "name").(string)
	if t, ok := lookup(doc.Value, "service", "tier").(int64); ok {
		rep.Tier = int(t)
	}
	vs := c.Schema.Validate(doc)
	rep.Diagnostics = append(rep.Diagnostics, vs...)
	if vs.HasErrors() {
		rep.Broken = true
		return rep
	}
	AttachEvidence(doc, c.Schema)
	results, err := c.Engine.Evaluate(ctx, doc, c.Now)
	if err != nil {
		return broken(diag.Errorf(&diag.Range{Filename: in.Path}, "%v", err))
	}
	profile := c.Profiles[rep.Tier]
	results = profile.apply(results)
	rep.Diagnostics = append(rep.Diagnostics, applyWaivers(doc, results, c.Now)...)
	rep.Results = results
	rep.Scorecard = ScoreResults(results)
	rep.Verdict = Judge(rep.Scorecard)
	rep.Maturity = Assess(results, rep.Scorecard)
	rep.GateFailures = c.GateFor(rep.Tier).Check(rep.Scorecard)
	return rep
}

func (c *Checker) read(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return nil, fmt.Errorf("is a directory")
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file")
	}
	limit := c.MaxFileSize
	if limit <= 0 {
		limit = DefaultMaxFileSize
	}
	if info.Size() > limit {
		return nil, fmt.Errorf("file is %d bytes, over the %d-byte limit (raise it with --max-file-size)", info.Size(), limit)
	}
	return os.ReadFile(path)
}

// looksLikeReview guesses, for a discovered file that failed to decode,
// whether it was meant as a design review, so that a broken review found
// in a directory is still reported rather than silently skipped.
func looksLikeReview(src []byte) bool {
	return bytes.Contains(src, []byte("format_version"))
}

func lookup(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

// GateFor is the gate a file of this tier is judged with: the run's, with
// the thresholds of the tier's profile where the configuration sets them.
func (c *Checker) GateFor(tier int) Gate {
	return c.Profiles[tier].gate(c.Gate)
}
