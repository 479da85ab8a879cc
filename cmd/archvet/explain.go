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
			cat, cfg, err := src.load(cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			r, ok := cat.Lookup(args[0])
			if !ok {
				return usageError("no rule %q; `archvet rules` lists them", args[0])
			}
			params, ds := cat.ParamData(cfg.ParamOverrides())
			if err := reportDiagnostics(cmd.ErrOrStderr(), ds); err != nil {
				return err
			}
			effective, _ := params[r.ID].(map[string]any)
			return writeExplanation(cmd.OutOrStdout(), r, effective)
		},
	}
	src.register(cmd.Flags())
	return cmd
}

// writeExplanation prints a rule's documentation; params holds the
// effective per-tier value of each of its parameters (defaults with the
// configuration's overrides).
func writeExplanation(w io.Writer, r *rules.Rule, params map[string]any) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n\n", r.ID, r.Title)
	fmt.Fprintf(&b, "Severity:      %s\nLevel:         %s\n", r.Severity, r.Level)
	if len(r.TierSeverity) == rules.Tiers {
		fmt.Fprintf(&b, "By tier:       %s, %s, %s, %s (tier 0 to 3)\n", r.TierSeverity[0], r.TierSeverity[1], r.TierSeverity[2], r.TierSeverity[3])
	}
	if r.Check != "" {
		fmt.Fprintf(&b, "Check:         %s\n", r.Check)
	}
	if len(r.BestPractices) > 0 {
		fmt.Fprintf(&b, "Best practice: %s\n", strings.Join(r.BestPractices, ", "))
	}
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
	if len(r.Params) > 0 {
		b.WriteString("\nParameters (tier 0, 1, 2, 3; set them under params: in .archvet.yaml)\n\n")
		for _, p := range r.Params {
			values, _ := params[p.Name].([]any)
			if len(values) != rules.Tiers {
				values = p.Tiers
			}
			fmt.Fprintf(&b, "  %s: %s\n      %s\n", p.Name, tierValues(values, p.Tiers), p.Description)
		}
	}
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

// tierValues writes the four values, marking each that differs from the
// rule's default.
func tierValues(values, defaults []any) string {
	parts := make([]string, len(values))
	for i, v := range values {
		parts[i] = fmt.Sprint(v)
		if fmt.Sprint(v) != fmt.Sprint(defaults[i]) {
			parts[i] += fmt.Sprintf(" (default %v)", defaults[i])
		}
	}
	return strings.Join(parts, ", ")
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
