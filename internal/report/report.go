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
}

var formatters = map[string]func(Options) Formatter{
	"text": func(o Options) Formatter { return textFormatter{color: o.Color} },
	"json": func(Options) Formatter { return jsonFormatter{} },
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
