package policies_test

import (
	"strings"
	"testing"

	"github.com/archvet/archvet/rules"
)

// TestCheckKinds: every rule says what kind of judgement it makes, and
// the catalogue reasons more than it reads a form: at most 40% presence
// checks and at least 30% reasoning across fields.
func TestCheckKinds(t *testing.T) {
	counts := map[string]int{}
	cat := catalogue(t)
	for _, r := range cat.Rules {
		if r.Check == "" {
			t.Errorf("%s (%s) has no custom.check (presence, threshold or reasoning)", r.ID, r.File)
		}
		counts[r.Check]++
	}
	n := float64(len(cat.Rules))
	presence, reasoning := 100*float64(counts["presence"])/n, 100*float64(counts["reasoning"])/n
	t.Logf("%d rules: %d presence (%.1f%%), %d threshold, %d reasoning (%.1f%%)", len(cat.Rules), counts["presence"], presence, counts["threshold"], counts["reasoning"], reasoning)
	if presence > 40 {
		t.Errorf("%.1f%% of the rules are presence checks; want at most 40%%", presence)
	}
	if reasoning < 30 {
		t.Errorf("%.1f%% of the rules reason across fields; want at least 30%%", reasoning)
	}
}

// TestBestPracticesMatchTheirPillar: every rule mapped to a
// Well-Architected pillar names, in custom.best_practices, the best
// practices it implements; at least one belongs to a pillar the rule maps
// to, and a reference of the rule cites each.
func TestBestPracticesMatchTheirPillar(t *testing.T) {
	for _, r := range catalogue(t).Rules {
		var pillars []string
		for _, m := range r.Frameworks {
			if m.Framework == "well-architected" {
				pillars = append(pillars, m.Category)
			}
		}
		if len(pillars) == 0 {
			continue
		}
		if len(r.BestPractices) == 0 {
			t.Errorf("%s (%s) maps to well-architected but has no custom.best_practices", r.ID, r.File)
		}
		inPillar := false
		for _, bp := range r.BestPractices {
			prefix := strings.TrimRight(bp[:strings.IndexByte(bp, '-')], "0123456789")
			for _, p := range pillars {
				inPillar = inPillar || p == rules.Pillars[prefix]
			}
			cited := false
			for _, ref := range r.References {
				cited = cited || strings.HasPrefix(ref.Description, bp)
			}
			if !cited {
				t.Errorf("%s: no reference's description starts with %s", r.ID, bp)
			}
		}
		// A rule may also cite a practice of another pillar, but at least
		// one must be of a pillar it maps to.
		if len(r.BestPractices) > 0 && !inPillar {
			t.Errorf("%s: none of %v belongs to the pillars it maps to (%v)", r.ID, r.BestPractices, pillars)
		}
	}
}
