package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/term"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/config"
	"github.com/archvet/archvet/internal/document"
	"github.com/archvet/archvet/internal/inputs"
	"github.com/archvet/archvet/internal/report"
	"github.com/archvet/archvet/internal/schema"
	"github.com/archvet/archvet/internal/version"
	"github.com/archvet/archvet/rules"
)

type checkOptions struct {
	policySource
	formats []string
	failOn  string
	// failOnUnanswered gates on open questions (--fail-on-unanswered).
	failOnUnanswered string
	minScore         float64
	date             string
	maxFileSize      int64
	timeout          time.Duration
	evaluator        string
	color            string
	// failOnSet and minScoreSet record flags given on the command line,
	// which override the configuration file.
	failOnSet, minScoreSet bool
	// minCompleteness gates on how much the design answers; -1 is unset.
	minCompleteness     float64
	minCompletenessSet  bool
	failOnUnansweredSet bool
	// baseline is a baseline file to gate against (--baseline); saveBaseline
	// is where `archvet baseline` writes one instead of reporting.
	baseline, saveBaseline string
	// excludes are the --exclude patterns of the directory walk.
	excludes []string
	// frameworks, rules and severity select the rules that run.
	frameworks, rules []string
	severity          string
	// quiet keeps the text report to failures.
	quiet bool
	// stdinFormat is how "-" is decoded: yaml, hcl, md, or "" to sniff.
	stdinFormat string
	// strictWaivers and warnWithin: waiver audit and look-ahead (waivers.go).
	strictWaivers bool
	warnWithin    string
	// contextDir holds the reviews the checked ones are judged among
	// (--context): part of the system, not reported (system.go).
	contextDir string
	// noSystem checks every review alone even when the run holds several
	// (--no-system).
	noSystem bool
	// requireVerified and requireVerifiedSet: the verification gate
	// (--require-verified, claims.go).
	requireVerified    []string
	requireVerifiedSet bool
}

func newCheckCommand() *cobra.Command {
	var o checkOptions
	cmd := &cobra.Command{
		Use:   "check PATH...",
		Short: "Check design reviews against the catalogue",
		Long: `Check design reviews (files, directories, globs, or - for standard
input) against the catalogue.

Directories are searched for *.yaml, *.yml and *.hcl files, and Markdown
design docs, that declare format_version. The walk skips what
.archvetignore files, the repository's .gitignore files, the exclude
patterns of .archvet.yaml and --exclude leave out (gitignore syntax);
files named on the command line are always checked.

Each review uses the nearest .archvet.yaml in its directory or above it,
up to the repository root (never above it); --config names one file for
every review. Reports say which configuration applied to each file.

--framework, --rule and --severity choose which rules run, as a linter's
rule selection does: the others are not evaluated, scored or gated on.

Two design reviews or more checked together form one system: services
match by service.name, dependencies by the callee's name, events by name
and topic, data stores by name. Each review is then also judged by its
place among the others (the system rules), and the report gains a
system section. --context DIR checks the given reviews against every
review below DIR and reports only the given ones.

Exit codes: 0 the gate passed, 1 the gate failed, 2 a usage,
input or policy error, 130 interrupted (no report is written).`,
		Example: `  archvet check examples/checkout/design.yaml
  archvet check --format json examples/checkout/design.hcl
  archvet check --format text --format json=archvet.json examples/
  archvet check --exclude 'testdata/' --quiet .
  archvet check --framework ideals --severity high examples/
  archvet check examples/system/
  archvet check --context designs/ designs/orders/design.yaml
  cat design.hcl | archvet check --stdin-format hcl -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.failOnSet = cmd.Flags().Changed("fail-on")
			o.minScoreSet = cmd.Flags().Changed("min-score")
			o.minCompletenessSet = cmd.Flags().Changed("min-completeness")
			o.failOnUnansweredSet = cmd.Flags().Changed("fail-on-unanswered")
			o.requireVerifiedSet = cmd.Flags().Changed("require-verified")
			return runCheck(cmd.Context(), cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr(), o, args)
		},
	}
	f := cmd.Flags()
	o.policySource.register(f)
	o.registerInputs(f)
	// Output.
	f.StringArrayVar(&o.formats, "format", []string{"text"}, "output `FORMAT` or FORMAT=FILE, repeatable; formats: "+strings.Join(report.Names(), ", "))
	f.StringVar(&o.color, "color", "auto", "colour the text report: auto, always or never (auto honours NO_COLOR)")
	f.StringVar(&o.contextDir, "context", "", "judge the given reviews as part of the system of every review below `DIR`, and report only the given ones")
	f.BoolVar(&o.noSystem, "no-system", false, "check every review alone, as if it were the only one: no system rules, no system section")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "text report: print failures only (failed rules, errors, gate failures), no passing files, scores or summary")
	// Rule selection.
	f.StringArrayVar(&o.frameworks, "framework", nil, "run only the rules of framework `ID`, scored under it alone (repeatable)")
	f.StringArrayVar(&o.rules, "rule", nil, "run only rule `ID` (repeatable)")
	f.StringVar(&o.severity, "severity", "", "run only rules of `LEVEL` or above: critical, high, medium or low")
	// Gate.
	f.StringVar(&o.failOn, "fail-on", "high", "fail the gate on a failed rule of this `SEVERITY` or above (critical, high, medium, low, none); default per tier: medium at tier 0, high elsewhere")
	f.StringVar(&o.failOnUnanswered, "fail-on-unanswered", "none", "fail the gate on an open question of this `SEVERITY` or above (critical, high, medium, low, none); default per tier: high at tiers 0 and 1, none elsewhere")
	f.Float64Var(&o.minScore, "min-score", 0, "fail the gate when a file scores below `N` (0-100)")
	f.Float64Var(&o.minCompleteness, "min-completeness", 0, "fail the gate when a file answers less than `N` percent of the rules that apply to it; default per tier: 50 at tiers 0-2, 0 at tier 3")
	f.StringVar(&o.baseline, "baseline", "", "fail the gate only on findings not in this baseline `FILE` (see archvet baseline)")
	registerWaiverFlags(f, &o)
	registerVerifyFlag(f, &o)
	return cmd
}

// registerInputs adds the flags that say what is read and how, which
// check and baseline share.
func (o *checkOptions) registerInputs(f *pflag.FlagSet) {
	f.StringArrayVar(&o.excludes, "exclude", nil, "skip paths matching the gitignore-style `PATTERN` in directory walks, relative to the working directory (repeatable)")
	f.StringVar(&o.stdinFormat, "stdin-format", "", "decode the review read from - as `FORMAT`: yaml, hcl or md (default: guessed from the text, else yaml)")
	f.StringVar(&o.date, "date", "", "judge dates in the design as of `YYYY-MM-DD` (default today)")
	f.Int64Var(&o.maxFileSize, "max-file-size", checks.DefaultMaxFileSize, "refuse design reviews larger than `BYTES`")
	f.DurationVar(&o.timeout, "timeout", checks.DefaultTimeout, "stop evaluating one file after this `DURATION`")
	f.StringVar(&o.evaluator, "evaluator", string(checks.Topdown), "evaluate the policies with `EVALUATOR`: topdown (OPA's interpreter) or wasm (compiled once, about a second, then faster per file; computed fractions may print with other last digits)")
}

// evaluatorFlag reads --evaluator.
func (o checkOptions) evaluatorFlag() (checks.Evaluator, error) {
	switch o.evaluator {
	case "":
		return checks.Topdown, nil
	case string(checks.Topdown), string(checks.Wasm):
		return checks.Evaluator(o.evaluator), nil
	}
	return "", usageError("--evaluator: %q is neither topdown nor wasm", o.evaluator)
}

// selection reads the rule-selection flags.
func (o checkOptions) selection() (config.Selection, error) {
	sel := config.Selection{Frameworks: o.frameworks, Rules: o.rules}
	if o.severity != "" {
		sev, err := rules.ParseSeverity(o.severity)
		if err != nil {
			return sel, usageError("--severity: %v", err)
		}
		sel.MinSeverity = sev
	}
	return sel, nil
}

// inputFormat reads --stdin-format.
func (o checkOptions) inputFormat() (document.Format, error) {
	if o.stdinFormat == "" {
		return "", nil
	}
	return parseFormat("--stdin-format", o.stdinFormat)
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
// given on the command line wins. When neither sets a severity gate, the
// run uses the per-tier defaults (checks.DefaultTierGates), returned as
// tierGates with the run's minimum score.
func (o checkOptions) gate(cfg *config.Config) (g checks.Gate, tierGates map[int]checks.Gate, err error) {
	failOn, failOnUnanswered, minScore := o.failOn, o.failOnUnanswered, o.minScore
	failOnSet, unansweredSet := o.failOnSet, o.failOnUnansweredSet
	if cfg != nil {
		if cfg.Gate.FailOn != nil && !o.failOnSet {
			failOn, failOnSet = *cfg.Gate.FailOn, true
		}
		if cfg.Gate.FailOnUnanswered != nil && !o.failOnUnansweredSet {
			failOnUnanswered, unansweredSet = *cfg.Gate.FailOnUnanswered, true
		}
		if cfg.Gate.MinScore != nil && !o.minScoreSet {
			minScore = *cfg.Gate.MinScore
		}
	}
	completenessSet := o.minCompletenessSet || (cfg != nil && cfg.Gate.MinCompleteness != nil)
	minCompleteness := o.minCompleteness
	if cfg != nil && cfg.Gate.MinCompleteness != nil && !o.minCompletenessSet {
		minCompleteness = *cfg.Gate.MinCompleteness
	}
	if minCompleteness < 0 || minCompleteness > 100 {
		return g, nil, usageError("--min-completeness must be between 0 and 100")
	}
	g = checks.Gate{MinScore: minScore, MinCompleteness: minCompleteness}
	if minScore < 0 || minScore > 100 {
		return g, nil, usageError("--min-score must be between 0 and 100")
	}
	if g.FailOn, err = config.ParseFailOn(failOn); err != nil {
		return g, nil, usageError("--fail-on: %v", err)
	}
	if g.FailOnUnanswered, err = config.ParseFailOn(failOnUnanswered); err != nil {
		return g, nil, usageError("--fail-on-unanswered: %v", err)
	}
	required, requiredSet := o.required(cfg)
	g.RequireVerified = required
	if failOnSet || unansweredSet {
		return g, nil, nil
	}
	tierGates = checks.DefaultTierGates()
	for tier, tg := range tierGates {
		tg.MinScore = minScore
		if completenessSet {
			tg.MinCompleteness = minCompleteness
		}
		if requiredSet {
			tg.RequireVerified, tg.VerifiedWithArtefacts = required, false
		}
		tierGates[tier] = tg
	}
	return g, tierGates, nil
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

func runCheck(ctx context.Context, stdin io.Reader, stdout, stderr io.Writer, o checkOptions, args []string) error {
	if ctx == nil {
		ctx = context.Background()
	}
	outs, err := parseOutputs(o.formats)
	if err != nil {
		return err
	}
	if _, _, err := o.gate(nil); err != nil {
		return err
	}
	now, err := o.now()
	if err != nil {
		return err
	}
	sel, err := o.selection()
	if err != nil {
		return err
	}
	stdinFormat, err := o.inputFormat()
	if err != nil {
		return err
	}
	sch, err := schema.Load()
	if err != nil {
		return err
	}
	configs := config.NewResolver(o.configPath)
	files := inputs.Expand(args, inputs.Options{Exclude: o.excludes, Configs: configs, Stdin: stdin, StdinFormat: stdinFormat, MaxFileSize: o.maxFileSize})
	if len(files) == 0 {
		return usageError("no design reviews found in %s", strings.Join(args, ", "))
	}
	if err := refuseOverwrite(o, outs, files, configs); err != nil {
		return err
	}
	b := checkerBuilder{o: o, stderr: stderr, configs: configs, sel: sel, schema: sch, now: now, built: map[string]*checks.Checker{}}
	segs, err := b.plan(ctx, files)
	if err != nil {
		return err
	}
	sys, err := b.system(ctx, segs, files)
	if err != nil {
		return err
	}
	opts := report.Options{Color: o.useColor(stdout), Catalogue: b.catalogue(), Version: version.String(), Quiet: o.quiet, StepSummary: os.Getenv("GITHUB_STEP_SUMMARY")}
	progress, stopProgress := showProgress(stderr, len(files))
	if streamable(o, outs) {
		defer stopProgress()
		gcForStreaming()
		return streamCheck(ctx, stdout, segs, progress, outs, opts, args, sys)
	}
	gcForCollecting()
	rep := checkSegments(ctx, segs, progress)
	stopProgress()
	if sys != nil {
		for _, f := range rep.Files {
			sys.Add(f)
		}
		rep.System = sys.Report()
	}
	// An interrupted run writes no report: a partial one would look like
	// a complete run that found less.
	if err := ctx.Err(); err != nil {
		return err
	}
	gateFor := func(f checks.FileReport) checks.Gate { return b.built[f.Config].GateFor(f.Tier) }
	if saved, err := applyBaseline(stdout, stderr, o, gateFor, &rep, &opts); saved || err != nil {
		return err
	}
	if err := writeReports(ctx, stdout, outs, rep, opts); err != nil {
		return err
	}
	if code := rep.ExitCode(); code != exitOK {
		return &exitError{code: code}
	}
	return nil
}

// segment is a run of consecutive inputs that share a configuration, and
// the checker that applies it. Files stay in path order across segments,
// so reports read the same whatever the configurations.
type segment struct {
	checker *checks.Checker
	files   []checks.Input
}

// checkerBuilder makes one checker per configuration file a run uses: the
// configuration changes the catalogue (custom policies, rules and
// frameworks switched off, severities) and the gate, so each needs its
// own engine. Each is compiled once, however many files use it.
type checkerBuilder struct {
	o       checkOptions
	stderr  io.Writer
	configs *config.Resolver
	sel     config.Selection
	schema  *schema.Schema
	now     time.Time
	built   map[string]*checks.Checker // configuration path → checker
	order   []*checks.Checker
	// evaluator is the run's, from --evaluator.
	evaluator checks.Evaluator
}

// plan splits the inputs into segments by the configuration that applies
// to each.
func (b *checkerBuilder) plan(ctx context.Context, files []checks.Input) ([]segment, error) {
	var err error
	if b.evaluator, err = b.o.evaluatorFlag(); err != nil {
		return nil, err
	}
	var segs []segment
	for _, in := range files {
		// A review from standard input is judged as if it were in the
		// working directory.
		c, err := b.checker(ctx, b.configs.For(in.Path))
		if err != nil {
			return nil, err
		}
		if n := len(segs); n > 0 && segs[n-1].checker == c {
			segs[n-1].files = append(segs[n-1].files, in)
			continue
		}
		segs = append(segs, segment{checker: c, files: []checks.Input{in}})
	}
	return segs, nil
}

func (b *checkerBuilder) checker(ctx context.Context, path string) (*checks.Checker, error) {
	if c, ok := b.built[path]; ok {
		return c, nil
	}
	cfg, ds := b.configs.Load(path)
	if err := reportDiagnostics(b.stderr, ds); err != nil {
		return nil, err
	}
	engine, err := b.o.policySource.compileWith(ctx, b.stderr, cfg, b.sel, checks.Options{Timeout: b.o.timeout, Evaluator: b.evaluator})
	if err != nil {
		return nil, err
	}
	gate, tierGates, err := b.o.gate(cfg)
	if err != nil {
		return nil, err
	}
	profiles := cfg.TierProfiles()
	for tier, p := range profiles {
		// A threshold on the command line beats every threshold in the file.
		if b.o.failOnSet {
			p.FailOn = nil
		}
		if b.o.failOnUnansweredSet {
			p.FailOnUnanswered = nil
		}
		if b.o.minScoreSet {
			p.MinScore = nil
		}
		if b.o.minCompletenessSet {
			p.MinCompleteness = nil
		}
		if b.o.requireVerifiedSet {
			p.RequireVerified = nil
		}
		profiles[tier] = p
	}
	c := &checks.Checker{Engine: engine, Schema: b.schema, Gate: gate, TierGates: tierGates, Now: b.now, MaxFileSize: b.o.maxFileSize, Profiles: profiles, Config: path}
	if err := b.o.applyWaiverOptions(c, cfg); err != nil {
		return nil, err
	}
	b.built[path] = c
	b.order = append(b.order, c)
	return c, nil
}

// catalogue is the run's rule set for the formats that list rules: every
// rule any of the run's configurations evaluates, each once.
func (b *checkerBuilder) catalogue() *rules.Catalogue {
	if len(b.order) == 1 {
		return b.order[0].Engine.Catalogue
	}
	seen := map[string]bool{}
	cat := &rules.Catalogue{}
	for _, c := range b.order {
		for _, r := range c.Engine.Catalogue.Rules {
			if !seen[r.ID] {
				seen[r.ID] = true
				cat.Rules = append(cat.Rules, r)
			}
		}
	}
	return cat
}

// checkSegments checks every segment and collects the files' reports.
func checkSegments(ctx context.Context, segs []segment, progress func(done, total int)) checks.Report {
	var rep checks.Report
	total := 0
	for _, s := range segs {
		total += len(s.files)
	}
	for _, s := range segs {
		if ctx.Err() != nil {
			break
		}
		s.checker.Progress = offsetProgress(progress, len(rep.Files), total)
		rep.Files = append(rep.Files, s.checker.CheckAll(ctx, s.files).Files...)
	}
	return rep
}

// offsetProgress reports a segment's progress as part of the whole run's.
func offsetProgress(progress func(done, total int), before, total int) func(done, total int) {
	if progress == nil {
		return nil
	}
	return func(done, _ int) { progress(before+done, total) }
}

// refuseOverwrite stops a run whose report or baseline would replace one
// of its own inputs (--format json=design.yaml design.yaml): a design
// review, a configuration file or the baseline read.
func refuseOverwrite(o checkOptions, outs []output, files []checks.Input, configs *config.Resolver) error {
	targets := map[string]string{}
	for _, out := range outs {
		if out.path != "" {
			targets[out.path] = "--format " + out.format + "=" + out.path
		}
	}
	if o.saveBaseline != "" {
		targets[o.saveBaseline] = "--output " + o.saveBaseline
	}
	if len(targets) == 0 {
		return nil
	}
	type target struct {
		flag string
		info os.FileInfo
	}
	var existing []target
	for path, flag := range targets {
		if info, err := os.Stat(path); err == nil {
			existing = append(existing, target{flag, info})
		}
	}
	if len(existing) == 0 {
		return nil
	}
	check := func(path, what string) error {
		info, err := os.Stat(path)
		if err != nil {
			return nil
		}
		for _, t := range existing {
			if os.SameFile(info, t.info) {
				return usageError("%s would overwrite %s, %s of this run; archvet never writes a report over its input: name another file", t.flag, path, what)
			}
		}
		return nil
	}
	for _, in := range files {
		if in.Path == inputs.StdinPath {
			continue
		}
		if err := check(in.Path, "a design review"); err != nil {
			return err
		}
		if p := configs.For(in.Path); p != "" {
			if err := check(p, "the configuration"); err != nil {
				return err
			}
		}
	}
	if o.baseline != "" {
		if err := check(o.baseline, "the baseline"); err != nil {
			return err
		}
	}
	return nil
}

// writeReports renders every output, then delivers them all: reports go
// to temporary files beside their destinations, the run checks once
// whether it was interrupted, and only then are the files renamed into
// place and standard output written. An interrupt therefore never leaves
// some reports of this run written and others not (or stale ones from an
// earlier run beside new ones).
func writeReports(ctx context.Context, stdout io.Writer, outs []output, rep checks.Report, opts report.Options) error {
	spools := make([]*spool, len(outs))
	defer discardAll(spools)
	for i, out := range outs {
		o := opts
		if out.path != "" {
			o.Color = false
		}
		f, err := report.New(out.format, o)
		if err != nil {
			return usageError("--format: %v", err)
		}
		spools[i] = &spool{path: out.path}
		if err := f.Format(spools[i], rep); err != nil {
			return &exitError{code: exitBadInput, err: fmt.Errorf("writing %s report: %w", out.format, err)}
		}
	}
	return commitAll(ctx, stdout, outs, spools)
}
