package main

import (
	"context"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/config"
	"github.com/archvet/archvet/internal/inputs"
	"github.com/archvet/archvet/internal/report"
	"github.com/archvet/archvet/internal/schema"
)

// registerVerifyFlag adds the verification gate to check.
func registerVerifyFlag(f *pflag.FlagSet, o *checkOptions) {
	f.StringSliceVar(&o.requireVerified, "require-verified", nil, "fail the gate when a claim of these `CATEGORIES` (comma-separated: backups, replicas, authentication...) is not verified by the repository's artefacts; none requires none; default per tier: backups, replicas and authentication at tier 0, when the repository has artefacts")
}

// required is the run's verification requirement: the flag, else the
// configuration's gate.require_verified; set is false when neither says.
func (o checkOptions) required(cfg *config.Config) (categories []string, set bool) {
	pick := func(list []string) []string {
		out := []string{}
		for _, c := range list {
			c = strings.ToLower(strings.TrimSpace(c))
			if c != "" && c != "none" {
				out = append(out, c)
			}
		}
		return out
	}
	if o.requireVerifiedSet {
		return pick(o.requireVerified), true
	}
	if cfg != nil && cfg.Gate.RequireVerified != nil {
		return pick(*cfg.Gate.RequireVerified), true
	}
	return nil, false
}

type claimsOptions struct {
	checkOptions
	format string
}

func newClaimsCommand() *cobra.Command {
	o := claimsOptions{checkOptions: checkOptions{failOn: "high", failOnUnanswered: "none", color: "never"}}
	cmd := &cobra.Command{
		Use:   "claims PATH...",
		Short: "List the claim ledger: what the review states, checked against the repository's artefacts",
		Long: `Check design reviews and print their claim ledgers alone: each claim the
review makes that the claim rules can check against the repository's
Terraform, Kubernetes manifests and OpenAPI specs, its status (verified,
contradicted or unverified), both values, the review's position and the
artefact's. A fact imported from Score, OpenSLO or Backstage is verified at
the file it came from; a field derived from an artefact (the review left it
out) is verified there too. The trust figure is verified ÷ checkable claims.

Exit codes: 0 no claim is contradicted, 1 a claim is contradicted, 2 an
input or policy error.`,
		Example: `  archvet claims examples/checkout/design.yaml
  archvet claims --format json examples/drift/design.yaml`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.format != "text" && o.format != "json" {
				return usageError("--format: want text or json, got %q", o.format)
			}
			return runClaims(cmd.Context(), cmd, o, args)
		},
	}
	f := cmd.Flags()
	o.policySource.register(f)
	o.registerInputs(f)
	f.StringVar(&o.format, "format", "text", "write `FORMAT`: text or json")
	return cmd
}

func runClaims(ctx context.Context, cmd *cobra.Command, o claimsOptions, args []string) error {
	if ctx == nil {
		ctx = context.Background()
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
	files := inputs.Expand(args, inputs.Options{Exclude: o.excludes, Configs: configs, Stdin: cmd.InOrStdin(), StdinFormat: stdinFormat, MaxFileSize: o.maxFileSize})
	if len(files) == 0 {
		return usageError("no design reviews found in %s", strings.Join(args, ", "))
	}
	b := checkerBuilder{o: o.checkOptions, stderr: cmd.ErrOrStderr(), configs: configs, sel: sel, schema: sch, now: now, built: map[string]*checks.Checker{}}
	segs, err := b.plan(ctx, files)
	if err != nil {
		return err
	}
	rep := checkSegments(ctx, segs, nil)
	if err := ctx.Err(); err != nil {
		return err
	}
	// Discovered files that are not design reviews are not listed.
	kept := rep.Files[:0]
	for _, f := range rep.Files {
		if !f.Skipped {
			kept = append(kept, f)
		}
	}
	rep.Files = kept
	if err := report.WriteClaims(cmd.OutOrStdout(), rep, o.format); err != nil {
		return err
	}
	code := exitOK
	for _, f := range rep.Files {
		if f.Broken {
			return &exitError{code: exitBadInput}
		}
		if f.Scorecard.Trust.Contradicted > 0 {
			code = exitGateFail
		}
	}
	if code != exitOK {
		return &exitError{code: code}
	}
	return nil
}
