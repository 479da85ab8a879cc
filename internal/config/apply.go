package config

import (
	"fmt"
	"sort"
	"strings"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/internal/document"
	"github.com/archvet/archvet/rules"
)

// ApplyToCatalogue switches off frameworks and rules and overrides
// severities, before the catalogue is compiled: a disabled rule is never
// evaluated. A rule id the catalogue does not know is an error at its
// position, since a typo there would silently keep a rule on.
func (c *Config) ApplyToCatalogue(cat *rules.Catalogue) diag.Diagnostics {
	if c == nil {
		return nil
	}
	ds := c.checkIDs(cat, "rules", c.Rules)
	for tier, p := range c.Tiers {
		ds = append(ds, c.checkIDs(cat, document.JoinKey("tiers", tier)+".rules", p.Rules)...)
	}
	if ds.HasErrors() {
		return ds
	}
	off := map[string]bool{}
	for _, f := range c.Frameworks.Disable {
		off[f] = true
	}
	disabled := set(c.Rules.Disable)
	enabled := set(c.Rules.Enable)
	kept := cat.Rules[:0]
	for _, r := range cat.Rules {
		id := strings.ToUpper(r.ID)
		if disabled[id] {
			continue
		}
		var mappings []rules.Mapping
		for _, m := range r.Frameworks {
			if !off[m.Framework] {
				mappings = append(mappings, m)
			}
		}
		if len(mappings) == 0 && !enabled[id] {
			continue
		}
		if len(mappings) > 0 {
			r.Frameworks = mappings
		}
		if s, ok := lookup(c.Rules.Severity, id); ok {
			sev, _ := rules.ParseSeverity(s)
			r.Severity, r.TierSeverity = sev, nil
		}
		kept = append(kept, r)
	}
	cat.Rules = kept
	return ds
}

// TierProfiles converts the per-tier settings for the engine.
func (c *Config) TierProfiles() map[int]checks.Profile {
	if c == nil || len(c.Tiers) == 0 {
		return nil
	}
	out := map[int]checks.Profile{}
	for key, p := range c.Tiers {
		tier := int(key[0] - '0')
		prof := checks.Profile{Disabled: set(p.Rules.Disable), Severity: map[string]rules.Severity{}}
		for id, s := range p.Rules.Severity {
			sev, _ := rules.ParseSeverity(s)
			prof.Severity[strings.ToUpper(id)] = sev
		}
		if p.Gate.FailOn != nil {
			g, _ := ParseFailOn(*p.Gate.FailOn)
			prof.FailOn = &g
		}
		if p.Gate.FailOnUnanswered != nil {
			g, _ := ParseFailOn(*p.Gate.FailOnUnanswered)
			prof.FailOnUnanswered = &g
		}
		if p.Gate.RequireVerified != nil {
			prof.RequireVerified = append([]string{}, *p.Gate.RequireVerified...)
		}
		prof.MinScore = p.Gate.MinScore
		prof.MinCompleteness = p.Gate.MinCompleteness
		out[tier] = prof
	}
	return out
}

// ParamOverrides lists the configuration's parameter values, each with
// its position, sorted so that errors come out in a stable order.
func (c *Config) ParamOverrides() []rules.ParamOverride {
	if c == nil {
		return nil
	}
	var out []rules.ParamOverride
	for id, ps := range c.Params {
		for name, v := range ps {
			out = append(out, rules.ParamOverride{Rule: id, Name: name, Value: v, Where: c.At("params." + id + "." + name)})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Rule != out[j].Rule {
			return out[i].Rule < out[j].Rule
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// ParseFailOn reads a --fail-on value; "none" disables the severity gate.
func ParseFailOn(s string) (rules.Severity, error) {
	if strings.EqualFold(s, "none") {
		return 0, nil
	}
	return rules.ParseSeverity(s)
}

func (c *Config) checkIDs(cat *rules.Catalogue, at string, r Rules) diag.Diagnostics {
	var ds diag.Diagnostics
	check := func(field string, ids []string) {
		for i, id := range ids {
			if _, ok := cat.Lookup(id); !ok {
				ds = append(ds, diag.Errorf(c.At(fmt.Sprintf("%s.%s[%d]", at, field, i)), "unknown rule %q", id))
			}
		}
	}
	check("disable", r.Disable)
	check("enable", r.Enable)
	for id := range r.Severity {
		if _, ok := cat.Lookup(id); !ok {
			ds = append(ds, diag.Errorf(c.At(at+".severity."+id), "unknown rule %q", id))
		}
	}
	return ds
}

func set(ids []string) map[string]bool {
	m := map[string]bool{}
	for _, id := range ids {
		m[strings.ToUpper(id)] = true
	}
	return m
}

func lookup(m map[string]string, id string) (string, bool) {
	for k, v := range m {
		if strings.EqualFold(k, id) {
			return v, true
		}
	}
	return "", false
}
