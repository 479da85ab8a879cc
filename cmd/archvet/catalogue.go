package main

import (
	"context"
	"fmt"
	"io"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/policies"
	"github.com/archvet/archvet/rules"
)

// loadCatalogue reads the built-in policies. A broken catalogue is a policy
// error: exit 2 with every problem at its file and line.
func loadCatalogue(stderr io.Writer) (*rules.Catalogue, error) {
	sources, err := rules.ReadFS(policies.FS, true, "policies")
	if err != nil {
		return nil, &exitError{code: exitBadInput, err: fmt.Errorf("reading built-in policies: %w", err)}
	}
	cat, ds := rules.Parse(sources)
	if err := reportDiagnostics(stderr, ds); err != nil {
		return nil, err
	}
	return cat, nil
}

// compileCatalogue loads and compiles the catalogue into an engine.
func compileCatalogue(ctx context.Context, stderr io.Writer, opts checks.Options) (*checks.Engine, error) {
	cat, err := loadCatalogue(stderr)
	if err != nil {
		return nil, err
	}
	engine, ds := checks.Compile(ctx, cat, opts)
	if err := reportDiagnostics(stderr, ds); err != nil {
		return nil, err
	}
	return engine, nil
}

func reportDiagnostics(w io.Writer, ds diag.Diagnostics) error {
	for _, d := range ds {
		fmt.Fprintln(w, d.Error())
	}
	if ds.HasErrors() {
		return &exitError{code: exitBadInput}
	}
	return nil
}
