package rules

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/archvet/archvet/internal/diag"
)

// ParamOverride is an organisation's value for one rule parameter, from
// .archvet.yaml: one value for every tier, a list of one per tier (tier 0
// first), or a mapping from tier numbers to values.
type ParamOverride struct {
	Rule  string
	Name  string
	Value any
	// Where is the override's position in the configuration file.
	Where *diag.Range
}

// ParamData is the effective parameter table the policies read as
// data.archvet.params: for every rule with parameters, each parameter's
// four per-tier values, defaults overridden by the organisation's
// values. An unknown rule or parameter, or a value of the wrong type, is
// an error at the override's position.
func (c *Catalogue) ParamData(overrides []ParamOverride) (map[string]any, diag.Diagnostics) {
	table := map[string]any{}
	for _, r := range c.Rules {
		if len(r.Params) == 0 {
			continue
		}
		ps := map[string]any{}
		for _, p := range r.Params {
			ps[p.Name] = append([]any(nil), p.Tiers...)
		}
		table[r.ID] = ps
	}
	var ds diag.Diagnostics
	for _, o := range overrides {
		r, ok := c.Lookup(o.Rule)
		if !ok {
			ds = append(ds, diag.Errorf(o.Where, "unknown rule %q", o.Rule))
			continue
		}
		p, ok := r.Param(o.Name)
		if !ok {
			ds = append(ds, diag.Errorf(o.Where, "rule %s has no parameter %q%s", r.ID, o.Name, paramNames(r)))
			continue
		}
		values, err := perTier(p, o.Value)
		if err != nil {
			ds = append(ds, diag.Errorf(o.Where, "%s.%s: %v", r.ID, o.Name, err))
			continue
		}
		table[r.ID].(map[string]any)[p.Name] = values
	}
	return table, ds
}

func paramNames(r *Rule) string {
	if len(r.Params) == 0 {
		return "; it has none"
	}
	names := make([]string, len(r.Params))
	for i, p := range r.Params {
		names[i] = p.Name
	}
	return "; it has " + strings.Join(names, ", ")
}

// perTier spreads an override over the four tiers, keeping the defaults
// of the tiers it does not name.
func perTier(p Param, v any) ([]any, error) {
	out := append([]any(nil), p.Tiers...)
	want := kindOf(p.Tiers[0])
	// A list's items must be of the kind the default's items are: a list
	// of lists where a list of names is wanted would otherwise reach the
	// policy, whose comparisons it fails without a word.
	item := listItemKind(p.Tiers)
	set := func(tier int, x any) error {
		if got := kindOf(x); got != want {
			return fmt.Errorf("want a %s, got a %s", want, got)
		}
		if list, ok := x.([]any); ok && item != "" {
			for _, e := range list {
				if got := kindOf(e); got != item {
					return fmt.Errorf("want a list of %ss, got a list holding a %s (one list per tier is a mapping from tier to list)", item, got)
				}
			}
		}
		out[tier] = x
		return nil
	}
	switch x := v.(type) {
	case map[string]any:
		if want == "mapping" {
			break
		}
		for k, tv := range x {
			t, err := strconv.Atoi(k)
			if err != nil || t < 0 || t >= Tiers {
				return nil, fmt.Errorf("%q is not a tier (want 0 to %d)", k, Tiers-1)
			}
			if err := set(t, tv); err != nil {
				return nil, fmt.Errorf("tier %d: %v", t, err)
			}
		}
		return out, nil
	case []any:
		if want == "list" {
			break
		}
		if len(x) != Tiers {
			return nil, fmt.Errorf("want %d values, tier 0 first, or one value for every tier", Tiers)
		}
		for t, tv := range x {
			if err := set(t, tv); err != nil {
				return nil, fmt.Errorf("tier %d: %v", t, err)
			}
		}
		return out, nil
	}
	for t := range Tiers {
		if err := set(t, v); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// listItemKind is the kind of the items of a list parameter's defaults,
// or "" when the parameter is no list or its defaults hold no items or
// items of mixed kinds.
func listItemKind(defaults []any) string {
	kind := ""
	for _, d := range defaults {
		list, ok := d.([]any)
		if !ok {
			return ""
		}
		for _, e := range list {
			switch k := kindOf(e); {
			case kind == "":
				kind = k
			case k != kind:
				return ""
			}
		}
	}
	return kind
}
