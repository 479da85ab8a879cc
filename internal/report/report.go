// Package report renders a checks.Report in the formats archvet speaks.
// Every formatter reads the same report model; none re-computes a score.
package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/rules"
)

// Formatter writes a report in one format.
type Formatter interface {
	Format(w io.Writer, rep checks.Report) error
}

// Options are the settings formatters may use.
type Options struct {
	// Color enables ANSI colours (text only), for terminals.
	Color bool
	// Catalogue is the rule set of the run, for formats that list rules.
	Catalogue *rules.Catalogue
	// Version of archvet, for formats that name the tool.
	Version string
	// Baseline is the run's comparison with a baseline file, if any.
	Baseline *Baseline
	// Quiet keeps the text report to failures: failed rules, errors and
	// gate failures, without passing files, scores or the summary.
	Quiet bool
	// StepSummary is the file GitHub Actions reads the job summary from
	// ($GITHUB_STEP_SUMMARY); when set, the github format appends the
	// Markdown report to it.
	StepSummary string
}

var formatters = map[string]func(Options) Formatter{
	"text":        func(o Options) Formatter { return textFormatter{color: o.Color, baseline: o.Baseline, quiet: o.Quiet} },
	"json":        func(o Options) Formatter { return jsonFormatter{opts: o} },
	"sarif":       func(o Options) Formatter { return sarifFormatter{opts: o} },
	"junit":       func(o Options) Formatter { return junitFormatter{opts: o} },
	"markdown":    func(o Options) Formatter { return markdownFormatter{opts: o} },
	"github":      func(o Options) Formatter { return githubFormatter{opts: o} },
	"html":        func(o Options) Formatter { return htmlFormatter{opts: o} },
	"codeclimate": func(o Options) Formatter { return codeclimateFormatter{opts: o} },
}

// Names lists the available formats.
func Names() []string {
	names := make([]string, 0, len(formatters))
	for n := range formatters {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// New returns the formatter for a format name.
func New(name string, opts Options) (Formatter, error) {
	f, ok := formatters[name]
	if !ok {
		return nil, fmt.Errorf("unknown format %q (want one of %s)", name, strings.Join(Names(), ", "))
	}
	return f(opts), nil
}

// findingPath is the file a finding is about, as CI systems want it: the
// imported file (a Backstage catalog, an OpenSLO or Score file) when the
// finding is about an imported fact, else the design review.
func findingPath(f checks.FileReport, fd checks.Finding) string {
	return RelativePath(diagPath(f.Path, &fd.Location))
}
