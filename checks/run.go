package checks

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
	"time"

	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/internal/document"
	"github.com/archvet/archvet/internal/imports"
	"github.com/archvet/archvet/internal/regularfile"
	"github.com/archvet/archvet/internal/schema"
	"github.com/archvet/archvet/internal/system"
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
	// Config is the configuration file this checker applies ("" for
	// none), named in each file's report.
	Config string
	// TierGates, when set, replace Gate for the tiers they name: the
	// per-tier defaults (DefaultTierGates) of a run that sets no gate.
	TierGates map[int]Gate
	// Waivers is what a waiver must satisfy; nil means DefaultWaiverPolicy.
	Waivers *WaiverPolicy
	// LookAhead, when positive, also judges each file as of Now+LookAhead
	// and warns about what will start failing by then (--warn-within).
	LookAhead time.Duration
	// Progress, if set, is told after each file how many of the inputs are
	// done. CheckAll calls it from one goroutine at a time.
	Progress func(done, total int)
	// System, when set, is the system the run's reviews form: each review
	// part of it is evaluated with its _system input (system_pass.go).
	System *system.System
	// Artefacts reads the repository's Terraform, manifests and API specs
	// into the _artefacts input; nil means DefaultArtefactReader.
	Artefacts ArtefactReader
}

// Input is one file to check. Discovered files (found by walking a
// directory) that do not declare format_version are not design reviews
// and are skipped; files named explicitly are always checked.
type Input struct {
	Path       string
	Discovered bool
	// Err, when set, is a problem met while finding the input (an
	// unreadable directory in a walk, a directory with no design review):
	// the input is reported as broken with this message.
	Err error
	// Source, when not nil, is the review's text, already read (from
	// standard input); Format then says how to decode it.
	Source []byte
	Format document.Format
}

// FileReport is everything archvet found about one file.
type FileReport struct {
	Path string
	// Config is the configuration file that applied to it, "" for none.
	Config      string
	Format      document.Format
	Service     string
	Tier        int
	Diagnostics diag.Diagnostics
	Results     []RuleResult
	Scorecard   Scorecard
	Verdict     Verdict
	Maturity    Maturity
	// Claims is the claim ledger: the review's statements checked
	// against its artefacts, one per field (see Ledger).
	Claims []Claim
	// Derived lists the fields filled from the artefacts.
	Derived []Derived
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
	// System is the system section (see SystemReport); nil when the run
	// checked one review alone.
	System *SystemReport
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
// engine, and collects their reports, in input order whatever the
// scheduling: Stream, keeping every file. Once ctx is cancelled (an
// interrupt), no new file is started and the report holds only the files
// checked so far; callers tell an interrupted run by ctx.Err().
func (c *Checker) CheckAll(ctx context.Context, inputs []Input) Report {
	rep := Report{Files: make([]FileReport, 0, len(inputs))}
	_ = c.Stream(ctx, inputs, func(f FileReport) error {
		rep.Files = append(rep.Files, f)
		return nil
	})
	return rep
}

// CheckFile runs the pipeline on one file. It never panics on bad input:
// every problem becomes a diagnostic with a position.
func (c *Checker) CheckFile(ctx context.Context, in Input) FileReport {
	rep := FileReport{Path: in.Path, Config: c.Config}
	broken := func(d ...diag.Diagnostic) FileReport {
		rep.Diagnostics = append(rep.Diagnostics, d...)
		rep.Broken = true
		return rep
	}
	if in.Err != nil {
		return broken(diag.Errorf(&diag.Range{Filename: in.Path}, "%v", in.Err))
	}
	src, err := in.Source, error(nil)
	if src == nil {
		src, err = c.read(in.Path)
	}
	if err != nil {
		var pe *fs.PathError
		var big *tooBigError
		switch {
		case errors.As(err, &big):
			return broken(diag.Errorf(&diag.Range{Filename: in.Path}, "%v", big))
		case errors.As(err, &pe):
			err = pe.Err
		}
		return broken(diag.Errorf(&diag.Range{Filename: in.Path}, "cannot read the file: %v", err))
	}
	doc, ds := c.load(in, src)
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
	rep.Diagnostics = append(rep.Diagnostics, StripComputed(doc)...)
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
	derived, as := AttachArtefacts(doc, c.artefactReader())
	rep.Diagnostics = append(rep.Diagnostics, as...)
	if as.HasErrors() {
		rep.Broken = true
		return rep
	}
	rep.Derived = derived
	if c.System != nil {
		c.attachSystem(in.Path, doc.Value)
		rep.Diagnostics = append(rep.Diagnostics, c.System.Diagnostics(in.Path)...)
	}
	results, err := c.Engine.Evaluate(ctx, doc, c.Now)
	if err != nil {
		return broken(diag.Errorf(&diag.Range{Filename: in.Path}, "%v", err))
	}
	profile := c.Profiles[rep.Tier]
	results = profile.apply(results)
	gradeForTier(results, rep.Tier)
	audit := applyWaivers(doc, results, c.Now, c.waiverPolicy())
	rep.Diagnostics = append(rep.Diagnostics, audit.diags...)
	if c.LookAhead > 0 {
		ahead, err := c.lookAhead(ctx, doc, profile, rep.Tier, results)
		if err != nil {
			return broken(diag.Errorf(&diag.Range{Filename: in.Path}, "%v", err))
		}
		rep.Diagnostics = append(rep.Diagnostics, ahead...)
	}
	rep.Results = results
	rep.Scorecard = ScoreResultsAt(results, rep.Tier)
	rep.Claims = Ledger(results, derived, EvidenceClaims(doc)...)
	rep.Scorecard.AddTrust(results, rep.Claims)
	rep.Verdict = Judge(rep.Scorecard)
	rep.Maturity = Assess(results, rep.Scorecard)
	gate := c.GateFor(rep.Tier)
	rep.GateFailures = append(gate.Check(rep.Scorecard), audit.gate...)
	rep.GateFailures = append(rep.GateFailures, gate.CheckClaims(rep.Claims)...)
	if vacuous(rep.Scorecard) {
		rep.Verdict = NotReady
		rep.GateFailures = append(rep.GateFailures, NoRuleEvaluated)
	}
	return rep
}

// load decodes a review by its file name, or in the format given with
// its text when it has none (standard input).
func (c *Checker) load(in Input, src []byte) (*document.Document, diag.Diagnostics) {
	switch in.Format {
	case document.YAML:
		return document.LoadYAML(in.Path, src)
	case document.HCL:
		return document.LoadHCL(in.Path, src, c.Schema)
	case document.Markdown:
		return document.LoadMarkdown(in.Path, src)
	}
	return document.Load(in.Path, src, c.Schema)
}

// NoRuleEvaluated is the gate failure of a file no rule judged.
const NoRuleEvaluated = "no rule was evaluated (every framework or rule is disabled, or none applies), so nothing vouches for this design"

// vacuous reports whether no rule passed, failed, was waived or left a
// question open: a run
// that judged nothing is not a pass, whatever its score of 100 says.
func vacuous(sc Scorecard) bool {
	t := sc.Overall
	return t.Passed+t.Failed+t.Waived+t.Unanswered == 0
}

// read returns the file's bytes, refusing what is not a design review
// before reading it: a directory, a FIFO or device (opening a FIFO would
// block until a writer comes), or a file over the size limit.
func (c *Checker) read(path string) ([]byte, error) {
	limit := c.MaxFileSize
	if limit <= 0 {
		limit = DefaultMaxFileSize
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := readable(info, limit); err != nil {
		return nil, err
	}
	// Non-blocking, so that a path swapped for a FIFO since the Stat does
	// not hang the run either; the open file is checked again.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err = f.Stat(); err != nil {
		return nil, err
	}
	if err := readable(info, limit); err != nil {
		return nil, err
	}
	// Never more than the limit, even from a file that grows meanwhile.
	src, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(src)) > limit {
		return nil, &tooBigError{size: int64(len(src)), limit: limit, grew: true}
	}
	return src, nil
}

// readable refuses a file by its metadata alone.
func readable(info fs.FileInfo, limit int64) error {
	switch {
	case info.IsDir():
		return errors.New("is a directory")
	case !info.Mode().IsRegular():
		return fmt.Errorf("not a regular file: it is %s", fileKind(info.Mode()))
	case info.Size() > limit:
		return &tooBigError{size: info.Size(), limit: limit}
	}
	return nil
}

func fileKind(m fs.FileMode) string { return regularfile.Kind(m) }

// tooBigError is a file over the size limit (--max-file-size).
type tooBigError struct {
	size, limit int64
	grew        bool // the file grew past the limit after it was measured
}

func (e *tooBigError) Error() string {
	if e.grew {
		return fmt.Sprintf("the file is larger than the %d-byte limit for a design review; raise the limit with --max-file-size", e.limit)
	}
	return fmt.Sprintf("the file is %d bytes, over the %d-byte limit for a design review; raise the limit with --max-file-size", e.size, e.limit)
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

// GateFor is the gate a file of this tier is judged with: the tier's
// default when the run sets none (TierGates), else the run's, with the
// thresholds of the tier's profile where the configuration sets them.
func (c *Checker) GateFor(tier int) Gate {
	g := c.Gate
	if tg, ok := c.TierGates[tier]; ok {
		g = tg
	}
	return c.Profiles[tier].gate(g)
}
