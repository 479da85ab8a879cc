package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/archvet/archvet/internal/docgen"
	"github.com/archvet/archvet/rules"
)

func newRulesCommand() *cobra.Command {
	var format, framework, scope string
	var src policySource
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the rule catalogue",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cat, _, err := src.load(cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			list := cat.Rules
			if framework != "" {
				if _, ok := rules.FrameworkByID(framework); !ok {
					return usageError("--framework: unknown framework %q", framework)
				}
				list = nil
				for _, r := range cat.Rules {
					if r.In(framework) {
						list = append(list, r)
					}
				}
			}
			switch scope {
			case "":
			case "review", rules.ScopeSystem:
				var kept []*rules.Rule
				for _, r := range list {
					if r.System() == (scope == rules.ScopeSystem) {
						kept = append(kept, r)
					}
				}
				list = kept
			default:
				return usageError("--scope: want review or system, got %q", scope)
			}
			switch format {
			case "json":
				return writeRulesJSON(cmd.OutOrStdout(), list)
			case "text":
				return writeRulesTable(cmd.OutOrStdout(), list)
			case "markdown":
				_, err := io.WriteString(cmd.OutOrStdout(), docgen.RulesTable(list, false))
				return err
			}
			return usageError("--format: want text, json or markdown, got %q", format)
		},
	}
	src.register(cmd.Flags())
	cmd.Flags().StringVar(&format, "format", "text", "output `FORMAT`: text, json or markdown")
	cmd.Flags().StringVar(&framework, "framework", "", "only rules mapped to this framework `ID`")
	cmd.Flags().StringVar(&scope, "scope", "", "only rules of this `SCOPE`: review (judge one review alone) or system (judge a review among the others of the run)")
	return cmd
}

// ruleJSON is the documented shape of `archvet rules --format json`.
type ruleJSON struct {
	ID          string            `json:"id"`
	Title       string            `json:"title"`
	Severity    rules.Severity    `json:"severity"`
	Level       string            `json:"level"`
	Frameworks  []rules.Mapping   `json:"frameworks"`
	Description string            `json:"description"`
	Remediation string            `json:"remediation"`
	References  []rules.Reference `json:"references"`
	// Check is presence, threshold or reasoning: what kind of judgement
	// the rule makes.
	Check         string           `json:"check"`
	BestPractices []string         `json:"best_practices,omitempty"`
	TierSeverity  []rules.Severity `json:"tier_severity,omitempty"`
	Params        []rules.Param    `json:"params,omitempty"`
	Builtin       bool             `json:"builtin"`
	// Scope is "system" for a system rule, absent for one that judges a
	// review alone.
	Scope string `json:"scope,omitempty"`
}

func writeRulesJSON(w io.Writer, list []*rules.Rule) error {
	out := make([]ruleJSON, 0, len(list))
	for _, r := range list {
		out = append(out, ruleJSON{ID: r.ID, Title: r.Title, Severity: r.Severity, Level: r.Level, Frameworks: r.Frameworks,
			Description: r.Description, Remediation: r.Remediation, References: r.References,
			Check: r.Check, BestPractices: r.BestPractices, TierSeverity: r.TierSeverity, Params: r.Params, Builtin: r.Builtin, Scope: r.Scope})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func writeRulesTable(w io.Writer, list []*rules.Rule) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSEVERITY\tFRAMEWORKS\tTITLE")
	for _, r := range list {
		var fws []string
		for _, m := range r.Frameworks {
			fws = append(fws, m.Framework+":"+m.Category)
		}
		title := r.Title
		if r.System() {
			// A system rule applies only when several reviews are checked
			// together; the table says so where a reader looks.
			title += " [system]"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Severity, strings.Join(fws, " "), title)
	}
	fmt.Fprintf(tw, "\n%d rules\n", len(list))
	return tw.Flush()
}
