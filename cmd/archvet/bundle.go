package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/archvet/archvet/internal/bundle"
	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/internal/version"
)

func newBundleCommand() *cobra.Command {
	var src policySource
	var out string
	cmd := &cobra.Command{
		Use:   "bundle -o FILE.tar.gz",
		Short: "Export the catalogue as an OPA bundle for opa eval, an OPA server or conftest",
		Long: `Export the catalogue (built-in policies, the organisation's own, and the
configuration's disabled rules left out) as a standard OPA bundle.

The bundle's root is "archvet". Besides the policies it holds package
archvet.engine, generated from the catalogue: data.archvet.engine.report is
what archvet evaluates, data.archvet.engine.failed the ids of failed rules,
and data.archvet.engine.deny one conftest-style result per finding. The
input is the design review itself, as JSON. Evidence (PR600) and waivers
need archvet: plain OPA finds the evidence rule not applicable and reports
waived rules as failed. Tests are not included; run them with archvet test.`,
		Example: `  archvet bundle -o archvet-bundle.tar.gz
  opa eval -b archvet-bundle.tar.gz -i design.json 'data.archvet.engine.failed'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if out == "" {
				return usageError("bundle: name the output file with -o FILE.tar.gz")
			}
			if !strings.HasSuffix(out, ".tar.gz") {
				return usageError("bundle: -o %s: an OPA bundle file ends in .tar.gz", out)
			}
			cat, cfg, err := src.load(cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			// The organisation's thresholds travel in the bundle's data, so
			// plain OPA judges as archvet does.
			params, ds := cat.ParamData(cfg.ParamOverrides())
			if err := reportDiagnostics(cmd.ErrOrStderr(), ds); err != nil {
				return err
			}
			if err := bundle.WriteFile(out, cat, bundle.Options{Revision: version.String(), Params: params}); err != nil {
				var ds diag.Diagnostics
				if errors.As(err, &ds) {
					return reportDiagnostics(cmd.ErrOrStderr(), ds)
				}
				return &exitError{code: exitBadInput, err: fmt.Errorf("bundle: %w", err)}
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s: %d rules, revision %s; query data.archvet.engine.report\n", out, len(cat.Rules), version.String())
			return nil
		},
	}
	src.register(cmd.Flags())
	cmd.Flags().StringVarP(&out, "output", "o", "", "write the bundle to `FILE`.tar.gz (replaced atomically)")
	return cmd
}
