package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/archvet/archvet/rules"
)

func newExplainCommand() *cobra.Command {
	var src policySource
	cmd := &cobra.Command{
		Use:   "explain RULE-ID",
		Short: "Explain a rule: why it matters, how to fix it, and a passing example",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cat, _, err := src.load(cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			r, ok := cat.Lookup(args[0])
			if !ok {
				return usageError("no rule %q; `archvet rules` lists them", args[0])
			}
			return writeExplanation(cmd.OutOrStdout(), r)
		},
	}
	src.register(cmd.Flags())
	return cmd
}

func writeExplanation(w io.Writer, r *rules.Rule) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n\n", r.ID, r.Title)
	fmt.Fprintf(&b, "Severity:      %s\nLevel:         %s\n", r.Severity, r.Level)
	for i, m := range r.Frameworks {
		label := "Frameworks:"
		if i > 0 {
			label = ""
		}
		fmt.Fprintf(&b, "%-14s %s / %s\n", label, m.Framework, m.Category)
	}
	fmt.Fprintf(&b, "Applies when:  %s\nPolicy:        %s\n", r.Applicability, r.File)
	fmt.Fprintf(&b, "\nWhy it matters\n\n%s\n", indent(r.Description))
	fmt.Fprintf(&b, "\nHow to fix it\n\n%s\n", indent(r.Remediation))
	if r.Example != "" {
		fmt.Fprintf(&b, "\nA design review that passes\n\n%s\n", indent(r.Example))
	}
	b.WriteString("\nReferences\n\n")
	for _, ref := range r.References {
		fmt.Fprintf(&b, "  - %s: %s\n", ref.Description, ref.URL)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = "  " + l
		}
	}
	return strings.Join(lines, "\n")
}
