package config

import (
	"fmt"
	"strings"

	"github.com/archvet/archvet/rules"
)

// Selection is what `check --framework`, `--rule` and `--severity` ask
// for. As a linter's --select does, it chooses which rules run: a rule
// left out is not evaluated, not scored and cannot fail the gate, so the
// score then says how the design does on the selected rules alone. Empty
// fields select everything.
type Selection struct {
	// Frameworks keeps the rules mapped to one of these frameworks, and
	// scores them only under these frameworks.
	Frameworks []string
	// Rules keeps these rule ids.
	Rules []string
	// MinSeverity keeps rules of this severity or above, judged on the
	// rule's severity after the configuration's rules.severity overrides
	// (a tier profile's overrides apply later, to the results). Zero
	// keeps every severity.
	MinSeverity rules.Severity
}

// Empty reports whether the selection keeps every rule.
func (s Selection) Empty() bool {
	return len(s.Frameworks) == 0 && len(s.Rules) == 0 && s.MinSeverity == 0
}

// Check refuses a selection that names a framework or rule the catalogue
// does not have: a typo must not quietly select nothing.
func (s Selection) Check(cat *rules.Catalogue) error {
	for _, f := range s.Frameworks {
		if _, ok := rules.FrameworkByID(f); !ok {
			ids := make([]string, 0, len(rules.Frameworks))
			for _, fw := range rules.Frameworks {
				ids = append(ids, fw.ID)
			}
			return fmt.Errorf("--framework: unknown framework %q; want one of %s", f, strings.Join(ids, ", "))
		}
	}
	for _, id := range s.Rules {
		if _, ok := cat.Lookup(id); !ok {
			return fmt.Errorf("--rule: unknown rule %q (archvet rules lists them)", id)
		}
	}
	return nil
}

// Apply keeps the selected rules of the catalogue. It runs after the
// configuration has been applied, so a rule the configuration disables
// stays off even when --rule names it.
func (s Selection) Apply(cat *rules.Catalogue) {
	if s.Empty() {
		return
	}
	frameworks := map[string]bool{}
	for _, f := range s.Frameworks {
		frameworks[f] = true
	}
	ids := set(s.Rules)
	kept := cat.Rules[:0]
	for _, r := range cat.Rules {
		if len(ids) > 0 && !ids[strings.ToUpper(r.ID)] {
			continue
		}
		if r.Severity < s.MinSeverity {
			continue
		}
		if len(frameworks) > 0 {
			var mappings []rules.Mapping
			for _, m := range r.Frameworks {
				if frameworks[m.Framework] {
					mappings = append(mappings, m)
				}
			}
			if len(mappings) == 0 {
				continue
			}
			r.Frameworks = mappings
		}
		kept = append(kept, r)
	}
	cat.Rules = kept
}
