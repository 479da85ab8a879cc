package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/atomicfile"
	"github.com/archvet/archvet/internal/config"
	"github.com/archvet/archvet/internal/inputs"
	"github.com/archvet/archvet/internal/report"
	"github.com/archvet/archvet/internal/schema"
	"github.com/archvet/archvet/internal/version"
)

type checkOptions struct {
	policySource
	formats     []string
	failOn      string
	minScore    float64
	date        string
	maxFileSize int64
	timeout     time.Duration
	color       string
	// failOnSet and minScoreSet record flags given on the command line,
	// which override the configuration file.
	failOnSet, minScoreSet bool
	// baseline is a baseline file to gate against (--baseline); saveBaseline
	// is where `archvet baseline` writes one instead of reporting.
	baseline, saveBaseline string
}

func newCheckCommand() *cobra.Command {
	var o checkOptions
	cmd := &cobra.Command{
		Use:   "check PATH...",
		Short: "Check design reviews against the catalogue",
		Long: `Check design reviews (files, directories or globs) against the catalogue.

Directories are searched for *.yaml, *.yml and *.hcl files, and Markdown
design docs, that declare
format_version. Exit codes: 0 the gate passed, 1 the gate failed, 2 a usage,
input or policy error, 130 interrupted (no report is written).`,
		Example: `  archvet check examples/checkout/design.yaml
  archvet check --format json design.hcl
  archvet check --format text --format json=archvet.json examples/`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.failOnSet = cmd.Flags().Changed("fail-on")
			o.minScoreSet = cmd.Flags().Changed("min-score")
			return runCheck(cmd.Context(), cmd.OutOrStdout(), cmd.ErrOrStderr(), o, args)
		},
	}
	f := cmd.Flags()
	o.policySource.register(f)
	f.StringArrayVar(&o.formats, "format", []string{"text"}, "output `FORMAT` or FORMAT=FILE, repeatable; formats: "+strings.Join(report.Names(), ", "))
	f.StringVar(&o.failOn, "fail-on", "high", "fail the gate on a failed rule of this `SEVERITY` or above (critical, high, medium, low, none)")
	f.Float64Var(&o.minScore, "min-score", 0, "fail the gate when a file scores below `N` (0-100)")
	f.StringVar(&o.date, "date", "", "judge dates in the design as of `YYYY-MM-DD` (default today)")
	f.Int64Var(&o.maxFileSize, "max-file-size", checks.DefaultMaxFileSize, "refuse design reviews larger than `BYTES`")
	f.DurationVar(&o.timeout, "timeout", checks.DefaultTimeout, "stop evaluating one file after this `DURATION`")
	f.StringVar(&o.color, "color", "auto", "colour the text report: auto, always or never (auto honours NO_COLOR)")
	f.StringVar(&o.baseline, "baseline", "", "fail the gate only on findings not in this baseline `FILE` (see archvet baseline)")
	return cmd
}

// output is one requested format and where it goes ("" is stdout).
type output struct {
	format string
	path   string
}

func parseOutputs(specs []string) ([]output, error) {
	var outs []output
	stdout := 0
	for _, spec := range specs {
		name, path, _ := strings.Cut(spec, "=")
		if _, err := report.New(name, report.Options{}); err != nil {
			return nil, usageError("--format: %v", err)
		}
		if path == "" {
			stdout++
		}
		outs = append(outs, output{format: name, path: path})
	}
	if stdout > 1 {
		return nil, usageError("--format: only one format can go to standard output; give the others a file (FORMAT=FILE)")
	}
	return outs, nil
}

// gate combines the configuration's thresholds with the flags; a flag
// given on the command line wins.
func (o checkOptions) gate(cfg *config.Config) (checks.Gate, error) {
	failOn, minScore := o.failOn, o.minScore
	if cfg != nil {
		if cfg.Gate.FailOn != nil && !o.failOnSet {
			failOn = *cfg.Gate.FailOn
		}
		if cfg.Gate.MinScore != nil && !o.minScoreSet {
			minScore = *cfg.Gate.MinScore
		}
	}
	g := checks.Gate{MinScore: minScore}
	if minScore < 0 || minScore > 100 {
		return g, usageError("--min-score must be between 0 and 100")
	}
	sev, err := config.ParseFailOn(failOn)
	if err != nil {
		return g, usageError("--fail-on: %v", err)
	}
	g.FailOn = sev
	return g, nil
}

func (o checkOptions) now() (time.Time, error) {
	if o.date == "" {
		return time.Now().UTC(), nil
	}
	t, err := time.Parse("2006-01-02", o.date)
	if err != nil {
		return t, usageError("--date: want YYYY-MM-DD, got %q", o.date)
	}
	return t, nil
}

func (o checkOptions) useColor(w io.Writer) bool {
	switch o.color {
	case "always":
		return true
	case "never":
		return false
	}
	if _, set := os.LookupEnv("NO_COLOR"); set {
		return false
	}
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func runCheck(ctx context.Context, stdout, stderr io.Writer, o checkOptions, args []string) error {
	if ctx == nil {
		ctx = context.Background()
	}
	outs, err := parseOutputs(o.formats)
	if err != nil {
		return err
	}
	if _, err := o.gate(nil); err != nil {
		return err
	}
	now, err := o.now()
	if err != nil {
		return err
	}
	sch, err := schema.Load()
	if err != nil {
		return err
	}
	engine, cfg, err := o.policySource.compile(ctx, stderr, checks.Options{Timeout: o.timeout})
	if err != nil {
		return err
	}
	gate, err := o.gate(cfg)
	if err != nil {
		return err
	}
	profiles := cfg.TierProfiles()
	for tier, p := range profiles {
		// A threshold on the command line beats every threshold in the file.
		if o.failOnSet {
			p.FailOn = nil
		}
		if o.minScoreSet {
			p.MinScore = nil
		}
		profiles[tier] = p
	}
	checker := &checks.Checker{Engine: engine, Schema: sch, Gate: gate, Now: now, MaxFileSize: o.maxFileSize, Profiles: profiles}
	files := inputs.Expand(args)
	stopProgress := showProgress(stderr, checker, len(files))
	if streamable(o, outs) {
		defer stopProgress()
		gcForStreaming()
		return streamCheck(ctx, stdout, checker, files, outs, report.Options{Color: o.useColor(stdout), Catalogue: engine.Catalogue, Version: version.String()}, args)
	}
	gcForCollecting()
	rep := checker.CheckAll(ctx, files)
	stopProgress()
	// An interrupted run writes no report: a partial one would look like
	// a complete run that found less.
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(rep.Files) == 0 {
		return usageError("no design reviews found in %s", strings.Join(args, ", "))
	}
	opts := report.Options{Color: o.useColor(stdout), Catalogue: engine.Catalogue, Version: version.String()}
	if saved, err := applyBaseline(stdout, stderr, o, checker, &rep, &opts); saved || err != nil {
		return err
	}
	for _, out := range outs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := writeReport(stdout, out, rep, opts); err != nil {
			return &exitError{code: exitBadInput, err: err}
		}
	}
	if code := rep.ExitCode(); code != exitOK {
		return &exitError{code: code}
	}
	return nil
}

func writeReport(stdout io.Writer, out output, rep checks.Report, opts report.Options) error {
	if out.path != "" {
		opts.Color = false
	}
	f, err := report.New(out.format, opts)
	if err != nil {
		return err
	}
	if out.path == "" {
		return f.Format(stdout, rep)
	}
	var buf bytes.Buffer
	if err := f.Format(&buf, rep); err != nil {
		return err
	}
	// CI jobs name report paths such as reports/archvet.sarif up front.
	if err := os.MkdirAll(filepath.Dir(out.path), 0o755); err != nil {
		return fmt.Errorf("writing %s report: %w", out.format, err)
	}
	if err := atomicfile.Write(out.path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("writing %s report: %w", out.format, err)
	}
	return nil
}
