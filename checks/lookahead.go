package checks

import (
	"context"
	"sort"
	"strings"

	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/internal/document"
)

// Look-ahead (--warn-within): the same design is judged again as of a
// later day, and what fails then but not today is announced now, dated,
// so a team renews a restore test or a waiver before the gate fails. Only
// dates age: restore tests, load tests, game days, revisit dates and
// waivers expiring.

func (c *Checker) waiverPolicy() WaiverPolicy {
	if c.Waivers != nil {
		return *c.Waivers
	}
	return DefaultWaiverPolicy()
}

// findingKey names a finding across evaluations at different dates; the
// message may change with the date, the rule and field do not.
func findingKey(rule, field string) string { return strings.ToUpper(rule) + "\x00" + field }

// failing lists the findings that count against the file: failed rules'
// findings that no current waiver covers.
func failing(results []RuleResult) map[string]Finding {
	out := map[string]Finding{}
	for _, res := range results {
		if res.Status != Fail {
			continue
		}
		for _, f := range res.Findings {
			if !f.IsWaived() {
				k := findingKey(res.Rule.ID, f.Field)
				if _, seen := out[k]; !seen {
					out[k] = f
				}
			}
		}
	}
	return out
}

// lookAhead returns a warning for every finding that does not count today
// but will by Now+LookAhead, with the first day it does (found by
// bisection over days, so a 60-day window costs some six evaluations).
func (c *Checker) lookAhead(ctx context.Context, doc *document.Document, profile Profile, tier int, today []RuleResult) (diag.Diagnostics, error) {
	days := int(c.LookAhead.Hours() / 24)
	if days < 1 {
		days = 1
	}
	policy := c.waiverPolicy()
	ruleOf := map[string]string{}
	at := func(d int) (map[string]Finding, error) {
		results, err := c.Engine.Evaluate(ctx, doc, c.Now.AddDate(0, 0, d))
		if err != nil {
			return nil, err
		}
		results = profile.apply(results)
		gradeForTier(results, tier)
		applyWaivers(doc, results, c.Now.AddDate(0, 0, d), policy)
		for _, r := range results {
			ruleOf[strings.ToUpper(r.Rule.ID)] = r.Rule.ID
		}
		return failing(results), nil
	}
	now := failing(today)
	later, err := at(days)
	if err != nil {
		return nil, err
	}
	var fresh []string
	for k := range later {
		if _, ok := now[k]; !ok {
			fresh = append(fresh, k)
		}
	}
	if len(fresh) == 0 {
		return nil, nil
	}
	sort.Strings(fresh)
	from := map[string]int{}
	// bisect dates the keys absent on day lo and present on day hi.
	var bisect func(lo, hi int, keys []string) error
	bisect = func(lo, hi int, keys []string) error {
		if len(keys) == 0 {
			return nil
		}
		if hi-lo <= 1 {
			for _, k := range keys {
				from[k] = hi
			}
			return nil
		}
		mid := (lo + hi) / 2
		set, err := at(mid)
		if err != nil {
			return err
		}
		var early, late []string
		for _, k := range keys {
			if f, ok := set[k]; ok {
				// The message as of the first failing day found so far.
				later[k] = f
				early = append(early, k)
			} else {
				late = append(late, k)
			}
		}
		if err := bisect(lo, mid, early); err != nil {
			return err
		}
		return bisect(mid, hi, late)
	}
	if err := bisect(0, days, fresh); err != nil {
		return nil, err
	}
	ds := make(diag.Diagnostics, 0, len(fresh))
	for _, k := range fresh {
		f := later[k]
		rule := ruleOf[k[:strings.IndexByte(k, 0)]]
		when := c.Now.AddDate(0, 0, from[k]).Format("2006-01-02")
		loc := f.Location
		ds = append(ds, diag.Warningf(&loc, "look-ahead: %s will fail from about %s: %s", rule, when, f.Message))
	}
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i].Subject.Start, ds[j].Subject.Start
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
	return ds, nil
}
