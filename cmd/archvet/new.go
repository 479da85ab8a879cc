package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/archvet/archvet/internal/atomicfile"
	"github.com/archvet/archvet/internal/rulegen"
	"github.com/archvet/archvet/rules"
)

func newNewCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "new",
		Short: "Scaffold a new piece of the catalogue",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return usageError("new: say what to create, for example `archvet new rule`")
		},
	}
	cmd.AddCommand(newNewRuleCommand())
	return cmd
}

func newNewRuleCommand() *cobra.Command {
	var o rulegen.Options
	var dir string
	var fwIDs []string
	for _, f := range rules.Frameworks {
		fwIDs = append(fwIDs, f.ID)
	}
	cmd := &cobra.Command{
		Use:   "rule --id ID --framework F --category C",
		Short: "Scaffold a custom rule: the policy, its tests and a documentation stub",
		Long: `Scaffold a custom rule in DIR: NAME.rego with a complete METADATA block,
NAME_test.rego with a passing, a failing and a not-applicable case, and
docs/ID.md. The scaffold is formatted, compiles and passes its own tests
as it is; edit every TODO, then run archvet test DIR.

The package is archvet.rules.<letters of the id>.<name> unless --package
says otherwise. Existing files are never overwritten (exit 2).`,
		Example: `  archvet new rule --id ACME004 --name queue_owners --framework production-readiness --category messaging --dir policies/acme`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := o.Normalize(); err != nil {
				return usageError("new rule: %v", err)
			}
			if err := checkUnused(dir, o); err != nil {
				return err
			}
			files, err := rulegen.Generate(o)
			if err != nil {
				return err
			}
			if err := writeNewFiles(dir, files); err != nil {
				return err
			}
			for _, f := range files {
				fmt.Fprintf(cmd.OutOrStdout(), "created %s\n", filepath.Join(dir, filepath.FromSlash(f.Path)))
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s is package %s; edit the TODOs, then run: archvet test %s\n", o.ID, o.Package, dir)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.ID, "id", "", "the rule's stable `ID`, letters then digits (required)")
	f.StringVar(&o.Framework, "framework", "", "the framework the rule maps to: "+strings.Join(fwIDs, ", ")+" (required)")
	f.StringVar(&o.Category, "category", "", "the framework's `CATEGORY`, as listed in docs/policies.md (required)")
	f.StringVar(&o.Name, "name", "", "the rule's snake_case `NAME`, used for the file and package (default: the id in lower case)")
	f.StringVar(&o.Severity, "severity", "medium", "critical, high, medium or low")
	f.StringVar(&o.Level, "level", "reactive", "maturity `LEVEL`: "+strings.Join(rules.Levels, ", "))
	f.StringVar(&o.Package, "package", "", "the Rego `PACKAGE`, under archvet.rules.")
	f.StringVar(&dir, "dir", ".", "write the rule into `DIR` (created if missing)")
	for _, name := range []string{"id", "framework", "category"} {
		_ = cmd.MarkFlagRequired(name)
	}
	return cmd
}

// checkUnused refuses an id or package the catalogue already has, built-in
// or in DIR, which would otherwise fail only later, at load time.
func checkUnused(dir string, o rulegen.Options) error {
	sources, err := rules.BuiltinSources()
	if err != nil {
		return err
	}
	if info, err := os.Stat(dir); err == nil && info.IsDir() {
		custom, err := rules.ReadFS(os.DirFS(dir), false, dir)
		if err != nil {
			return usageError("new rule: reading %s: %v", dir, err)
		}
		sources = append(sources, custom...)
	}
	cat, _ := rules.Parse(sources) // problems in DIR are for archvet test to report
	if r, ok := cat.Lookup(o.ID); ok {
		return usageError("new rule: id %s is already used by %s", o.ID, r.File)
	}
	for _, r := range cat.Rules {
		if r.Package == o.Package {
			return usageError("new rule: package %s is already used by %s (choose another --name)", o.Package, r.File)
		}
	}
	return nil
}

// writeNewFiles creates every file or none: an existing file is an error,
// and files already created are removed again.
func writeNewFiles(dir string, files []rulegen.File) error {
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if _, err := os.Lstat(p); err == nil {
			return usageError("new rule: %s already exists; nothing was written", p)
		}
	}
	var created []string
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		err := os.MkdirAll(filepath.Dir(p), 0o755)
		if err == nil {
			err = atomicfile.WriteNew(p, f.Data, 0o644)
		}
		if err != nil {
			for _, c := range created {
				os.Remove(c)
			}
			if errors.Is(err, fs.ErrExist) {
				return usageError("new rule: %s already exists; nothing was written", p)
			}
			return &exitError{code: exitBadInput, err: fmt.Errorf("new rule: %w", err)}
		}
		created = append(created, p)
	}
	return nil
}
