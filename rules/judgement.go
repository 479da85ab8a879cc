package rules

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// Checks are the kinds of judgement a rule makes, from the shallowest:
// whether a field is there, whether one value is within a limit, and
// whether several facts of the design are consistent with each other.
var Checks = []string{"presence", "threshold", "reasoning"}

// Tiers is the number of service tiers, 0 (most critical) to 3.
const Tiers = 4

// Param is one of a rule's thresholds. Its defaults are written once, in
// the rule's METADATA; an organisation overrides them in .archvet.yaml.
type Param struct {
	Name        string `json:"name"`
	Description string `json:"description"`
	// Tiers holds the default per tier, tier 0 first.
	Tiers []any `json:"tiers"`
}

var (
	paramName    = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	bestPractice = regexp.MustCompile(`^(OPS|SEC|REL|PERF|COST|SUS)\d{2}-BP\d{2}$`)
)

// Pillars maps a best-practice id's prefix to the Well-Architected
// category (pillar) it belongs to.
var Pillars = map[string]string{
	"OPS":  "operational-excellence",
	"SEC":  "security",
	"REL":  "reliability",
	"PERF": "performance-efficiency",
	"COST": "cost-optimization",
	"SUS":  "sustainability",
}

// readJudgement reads check, params, best_practices and tier_severity.
func readJudgement(r *Rule, custom map[string]any) []string {
	var problems []string
	if c, ok := custom["check"]; ok {
		s, _ := c.(string)
		r.Check = s
		if !contains(Checks, s) {
			problems = append(problems, fmt.Sprintf("custom.check %q is not one of %s", s, strings.Join(Checks, ", ")))
		}
	}
	if ps, ok := custom["params"]; ok {
		params, errs := readParams(ps)
		r.Params = params
		problems = append(problems, errs...)
	}
	if bp, ok := custom["best_practices"]; ok {
		list, _ := bp.([]any)
		if len(list) == 0 {
			problems = append(problems, "custom.best_practices: want a list of ids such as REL05-BP05")
		}
		for _, v := range list {
			id, _ := v.(string)
			if !bestPractice.MatchString(id) {
				problems = append(problems, fmt.Sprintf("custom.best_practices: %q is not a best-practice id such as REL05-BP05", v))
				continue
			}
			r.BestPractices = append(r.BestPractices, id)
		}
	}
	if ts, ok := custom["tier_severity"]; ok {
		list, _ := ts.([]any)
		if len(list) != Tiers {
			problems = append(problems, fmt.Sprintf("custom.tier_severity: want %d severities, tier 0 first", Tiers))
		}
		for i, v := range list {
			s, _ := v.(string)
			sev, err := ParseSeverity(s)
			if err != nil {
				problems = append(problems, "custom.tier_severity: "+err.Error())
				continue
			}
			// The same gap must never weigh less at a more critical tier.
			if i > 0 && sev > r.TierSeverity[i-1] {
				problems = append(problems, fmt.Sprintf("custom.tier_severity: tier %d is more severe than tier %d", i, i-1))
			}
			r.TierSeverity = append(r.TierSeverity, sev)
		}
	}
	return problems
}

func readParams(v any) ([]Param, []string) {
	specs, ok := v.(map[string]any)
	if !ok {
		return nil, []string{"custom.params: want a mapping of parameter names to {description, value or tiers}"}
	}
	names := make([]string, 0, len(specs))
	for name := range specs {
		names = append(names, name)
	}
	sort.Strings(names)
	var out []Param
	var problems []string
	for _, name := range names {
		bad := func(format string, args ...any) {
			problems = append(problems, fmt.Sprintf("custom.params.%s: ", name)+fmt.Sprintf(format, args...))
		}
		if !paramName.MatchString(name) {
			bad("want a snake_case name")
			continue
		}
		spec, _ := specs[name].(map[string]any)
		p := Param{Name: name}
		p.Description, _ = spec["description"].(string)
		p.Description = strings.TrimSpace(p.Description)
		if p.Description == "" {
			bad("missing description")
		}
		tiers, hasTiers := spec["tiers"]
		value, hasValue := spec["value"]
		switch {
		case hasTiers == hasValue:
			bad("want exactly one of value (every tier) or tiers (a list, tier 0 first)")
			continue
		case hasValue:
			for range Tiers {
				p.Tiers = append(p.Tiers, value)
			}
		default:
			list, _ := tiers.([]any)
			if len(list) != Tiers {
				bad("tiers: want %d values, tier 0 first", Tiers)
				continue
			}
			p.Tiers = list
		}
		kind := kindOf(p.Tiers[0])
		for i, t := range p.Tiers {
			if kindOf(t) != kind {
				bad("tier %d is a %s, tier 0 a %s", i, kindOf(t), kind)
			}
		}
		out = append(out, p)
	}
	return out, problems
}

// kindOf names a JSON value's type, for type checks of overrides.
func kindOf(v any) string {
	switch v.(type) {
	case json.Number, float64, int, int64:
		return "number"
	case string:
		return "string"
	case bool:
		return "boolean"
	case []any:
		return "list"
	case map[string]any:
		return "mapping"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%T", v)
}

// KindOf is kindOf for the configuration, which checks overrides.
func KindOf(v any) string { return kindOf(v) }

// Param finds one of the rule's parameters by name.
func (r *Rule) Param(name string) (Param, bool) {
	for _, p := range r.Params {
		if p.Name == name {
			return p, true
		}
	}
	return Param{}, false
}

// SeverityAt is the severity of a failure of the rule at a tier.
func (r *Rule) SeverityAt(tier int) Severity {
	if len(r.TierSeverity) == Tiers && tier >= 0 && tier < Tiers {
		return r.TierSeverity[tier]
	}
	return r.Severity
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
