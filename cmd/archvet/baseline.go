package main

import (
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/baseline"
	"github.com/archvet/archvet/internal/config"
	"github.com/archvet/archvet/internal/progress"
	"github.com/archvet/archvet/internal/report"
)

func newBaselineCommand() *cobra.Command {
	o := checkOptions{failOn: "high", failOnUnanswered: "none", color: "never"}
	cmd := &cobra.Command{
		Use:   "baseline PATH...",
		Short: "Record today's findings so that check --baseline fails only on new ones",
		Long: `Check design reviews and record every failed finding in a baseline file.

A later "archvet check --baseline FILE" still reports every finding, but
fails the gate only on findings that are not in the baseline. Findings are
matched by rule, file and field, not by line, so editing other parts of a
design does not make old findings new. List entries are named by their
name field (dependencies[payments].timeout_ms), so inserting or reordering
entries does not either. Files are recorded relative to the repository
root (the directory holding .git; outside a repository, the configuration
file's directory, else the working directory), so the baseline matches
from any directory. Waived findings are not recorded: they are accepted
already.`,
		Example: `  archvet baseline examples/ -o archvet-baseline.json
  archvet check --baseline archvet-baseline.json examples/`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCheck(cmd.Context(), cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr(), o, args)
		},
	}
	f := cmd.Flags()
	o.policySource.register(f)
	f.StringVarP(&o.saveBaseline, "output", "o", baseline.DefaultPath, "write the baseline to `FILE`")
	o.registerInputs(f)
	return cmd
}

// applyBaseline is the baseline step of a check run. For `archvet
// baseline` it writes the file and reports saved; for `check --baseline`
// it rewrites the files' gates so that only new findings fail them, and
// hands the comparison to every format through opts.
func applyBaseline(stdout, stderr io.Writer, o checkOptions, gateFor func(checks.FileReport) checks.Gate, rep *checks.Report, opts *report.Options) (saved bool, err error) {
	root := baselineRoot(o)
	if o.saveBaseline != "" {
		return true, saveBaseline(stdout, stderr, o.saveBaseline, *rep, root)
	}
	if o.baseline == "" {
		return false, nil
	}
	base, err := baseline.Load(o.baseline)
	if err != nil {
		return false, usageError("--baseline: %v", err)
	}
	cmp := baseline.Compare(base, *rep, root)
	cmp.Gate(rep, gateFor)
	opts.Baseline = cmp.Summary(o.baseline)
	return false, nil
}

// saveBaseline writes the baseline of a run. A file that could not be
// evaluated would leave its findings out and make them all "new" later,
// so nothing is written then.
func saveBaseline(stdout, stderr io.Writer, path string, rep checks.Report, root baseline.Root) error {
	broken := 0
	for _, f := range rep.Files {
		if !f.Broken {
			continue
		}
		broken++
		for _, d := range f.Diagnostics {
			fmt.Fprintln(stderr, d.Error())
		}
	}
	if broken > 0 {
		return &exitError{code: exitBadInput, err: fmt.Errorf("%d file(s) could not be evaluated; %s not written", broken, path)}
	}
	b := baseline.FromReport(rep, root)
	if err := baseline.Save(path, b); err != nil {
		return &exitError{code: exitBadInput, err: fmt.Errorf("writing the baseline: %w", err)}
	}
	fmt.Fprintf(stdout, "archvet: wrote %s: %d finding(s) in %d file(s)\n", path, len(b.Findings), len(rep.Files))
	return nil
}

// baselineRoot is what baseline paths are relative to outside a
// repository: the configuration file's directory, else the working
// directory. Inside one, the repository root always wins.
func baselineRoot(o checkOptions) baseline.Root {
	path := o.configPath
	if path == "" {
		found, ok := config.Find(".")
		if !ok {
			return ""
		}
		path = found
	}
	return baseline.Root(filepath.Dir(path))
}

// showProgress draws a progress bar on stderr while many files are
// checked on a terminal: it returns the function to tell it how many are
// done (nil when no bar is shown) and the function that clears it.
func showProgress(stderr io.Writer, files int) (update func(done, total int), finish func()) {
	if !progress.Wanted(stderr, files) {
		return nil, func() {}
	}
	bar := progress.New(stderr, 100*time.Millisecond)
	return bar.Update, bar.Finish
}
