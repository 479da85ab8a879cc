package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/adr"
	"github.com/archvet/archvet/internal/document"
	"github.com/archvet/archvet/internal/imports"
	"github.com/archvet/archvet/internal/schema"
)

type adrOptions struct {
	// The catalogue comes from where check takes it: built-in rules,
	// --policy directories and the configuration file.
	policySource
	dir      string
	template string
	dryRun   bool
	date     string
}

func newADRCommand() *cobra.Command {
	var o adrOptions
	cmd := &cobra.Command{
		Use:   "adr DESIGN-FILE",
		Short: "Write architecture decision records from a design review",
		Long: `Write one ADR per entry of the design review's decisions list, and one
"decision needed" ADR, status proposed, per failed rule that asks for a
decision, filled in with the rule's question, drivers and options.

Files are named NNNN-title.md, numbered after the highest number already in
the directory, with as many digits as it uses (032-title.md after 031-...);
in a log4brains directory of YYYYMMDD-title.md files, by date instead.

The directory is --dir, else the one adr-tools would use: walking up from
this directory to the repository root, the first .adr-dir file (naming the
directory) or doc/adr directory. Else, at the repository root, the
adrFolder of .log4brains.yml, an existing docs/adr, an existing
docs/decisions, and last a new docs/adr.

Existing ADRs are never overwritten or renumbered. Each generated ADR
ends with a marker line naming its decision, so running the command again
creates only what is missing. MADR files put the title on line 1, where
adr-tools reads it (adr list, adr generate toc), and their status, date and
deciders under it. --dry-run prints the plan and writes nothing.`,
		Example: `  archvet adr design.yaml
  archvet adr --dry-run --template nygard --dir doc/architecture design.md`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runADR(cmd, o, args[0])
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.dir, "dir", "", "write ADRs to `DIR` (default: .adr-dir or doc/adr as adr-tools finds them, else docs/adr or docs/decisions at the repository root)")
	f.StringVar(&o.template, "template", "madr", "ADR `TEMPLATE`: madr or nygard")
	f.BoolVar(&o.dryRun, "dry-run", false, "print which ADRs would be created and write nothing")
	f.StringVar(&o.date, "date", "", "date new ADRs, and judge the design, as of `DAY` (YYYY-MM-DD; default today)")
	o.policySource.register(f)
	return cmd
}

func runADR(cmd *cobra.Command, o adrOptions, design string) error {
	ctx := cmd.Context()
	stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
	tmpl, err := adr.ParseTemplate(o.template)
	if err != nil {
		return usageError("--template: %v", err)
	}
	now := time.Now().UTC()
	if o.date != "" {
		if now, err = time.Parse("2006-01-02", o.date); err != nil {
			return usageError("--date: want YYYY-MM-DD, got %q", o.date)
		}
	}
	sch, err := schema.Load()
	if err != nil {
		return err
	}
	engine, cfg, err := o.policySource.compile(ctx, stderr, checks.Options{})
	if err != nil {
		return err
	}
	// The same pipeline as `archvet check`, so the decisions needed are
	// exactly the failures check reports.
	checker := &checks.Checker{Engine: engine, Schema: sch, Now: now, Profiles: cfg.TierProfiles()}
	rep := checker.CheckFile(ctx, checks.Input{Path: design})
	for _, d := range rep.Diagnostics {
		fmt.Fprintln(stderr, d.Error())
	}
	if rep.Broken {
		return &exitError{code: exitBadInput, err: fmt.Errorf("%s could not be evaluated; no ADR was written", design)}
	}
	value, err := decodedReview(design, sch)
	if err != nil {
		return err
	}
	in := adr.NewInput(design, value, rep.Results, now.Format("2006-01-02"))

	dir, from := o.dir, "--dir"
	if dir == "" {
		if dir, from, err = adr.FindDir("."); err != nil {
			return &exitError{code: exitBadInput, err: err}
		}
	}
	plan, err := adr.NewPlan(dir, in, tmpl)
	if err != nil {
		return &exitError{code: exitBadInput, err: err}
	}
	fmt.Fprintf(stdout, "ADR directory %s (%s)\n", dir, from)
	if o.dryRun {
		printPlan(stdout, plan.Files, "would create")
		fmt.Fprintf(stdout, "dry run: %d to create, %d already recorded; nothing was written\n",
			len(plan.Created()), len(plan.Files)-len(plan.Created()))
		return nil
	}
	done, err := plan.Write()
	printPlan(stdout, plan.Files, "created")
	if err != nil {
		return &exitError{code: exitBadInput, err: fmt.Errorf("%v (%d ADRs were written before the error)", err, len(done))}
	}
	fmt.Fprintf(stdout, "%d created, %d already recorded\n", len(done), len(plan.Files)-len(done))
	return nil
}

func printPlan(w io.Writer, files []adr.File, verb string) {
	for _, f := range files {
		v := verb
		if f.Exists {
			v = "exists"
		}
		fmt.Fprintf(w, "  %-12s %s (%s)\n", v, f.Path, f.Describe())
	}
}

// decodedReview reads the review again for its decisions list, imports
// merged in as check merges them. CheckFile has just read it without
// error, so a failure here means the file changed under us.
func decodedReview(path string, sch *schema.Schema) (map[string]any, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, &exitError{code: exitBadInput, err: err}
	}
	doc, ds := document.Load(path, src, sch)
	if doc == nil || ds.HasErrors() {
		return nil, &exitError{code: exitBadInput, err: ds}
	}
	if ds := imports.Apply(doc); ds.HasErrors() {
		return nil, &exitError{code: exitBadInput, err: ds}
	}
	return doc.Value, nil
}
