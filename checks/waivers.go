package checks

import (
	"fmt"
	"strings"
	"time"

	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/internal/document"
)

// Waived is the status of a failed rule whose every finding is covered by
// a current waiver: an accepted risk, reported in the open, never hidden.
const Waived Status = "waived"

// Waiver is one accepted risk from the design's waivers section.
type Waiver struct {
	Rule       string `json:"rule"`
	Path       string `json:"path,omitempty"`
	Reason     string `json:"reason"`
	ApprovedBy string `json:"approved_by"`
	Expires    string `json:"expires"`
	// Field is the waiver's own logical path, e.g. waivers[2].
	Field string `json:"-"`
}

// covers reports whether the waiver applies to a finding of its rule: no
// path means every finding; a path matches that field or anything below.
func (w Waiver) covers(ruleID, field string) bool {
	if !strings.EqualFold(w.Rule, ruleID) {
		return false
	}
	if w.Path == "" || w.Path == field {
		return true
	}
	return strings.HasPrefix(field, w.Path+".") || strings.HasPrefix(field, w.Path+"[")
}

// expired reports whether the waiver no longer applies on the given day.
// The expiry date itself is the last day it applies.
func (w Waiver) expired(now time.Time) bool {
	exp, err := time.Parse("2006-01-02", w.Expires)
	if err != nil {
		return true
	}
	return now.UTC().Truncate(24 * time.Hour).After(exp)
}

func waiversOf(doc *document.Document) []Waiver {
	list, _ := doc.Value["waivers"].([]any)
	out := make([]Waiver, 0, len(list))
	for i, item := range list {
		m, _ := item.(map[string]any)
		str := func(k string) string { s, _ := m[k].(string); return s }
		out = append(out, Waiver{Rule: str("rule"), Path: str("path"), Reason: str("reason"),
			ApprovedBy: str("approved_by"), Expires: str("expires"), Field: document.JoinIndex("waivers", i)})
	}
	return out
}

// applyWaivers marks the findings current waivers cover, turns expired
// waivers back into failures that say so, and reports waivers that match
// nothing (the rule passes, or does not exist) as stale.
func applyWaivers(doc *document.Document, results []RuleResult, now time.Time) diag.Diagnostics {
	waivers := waiversOf(doc)
	if len(waivers) == 0 {
		return nil
	}
	used := make([]bool, len(waivers))
	known := map[string]bool{}
	for ri := range results {
		res := &results[ri]
		known[strings.ToUpper(res.Rule.ID)] = true
		if res.Status != Fail {
			continue
		}
		waivedAll := true
		for fi := range res.Findings {
			f := &res.Findings[fi]
			for wi, w := range waivers {
				if !w.covers(res.Rule.ID, f.Field) {
					continue
				}
				used[wi] = true
				w := w
				f.Waiver = &w
				if w.expired(now) {
					f.WaiverExpired = true
					f.Message += fmt.Sprintf(" (waiver expired on %s)", w.Expires)
				}
				break
			}
			if !f.IsWaived() {
				waivedAll = false
			}
		}
		if waivedAll {
			res.Status = Waived
		}
	}
	var ds diag.Diagnostics
	for wi, w := range waivers {
		if used[wi] {
			continue
		}
		at := rangeAt(doc, w.Field)
		if !known[strings.ToUpper(w.Rule)] {
			ds = append(ds, diag.Warningf(at, "stale waiver: no rule %q is evaluated", w.Rule))
			continue
		}
		what := "rule " + w.Rule + " has no finding"
		if w.Path != "" {
			what += " at " + w.Path
		}
		ds = append(ds, diag.Warningf(at, "stale waiver: %s; remove the waiver", what))
	}
	return ds
}

// IsWaived reports whether a current waiver covers the finding.
func (f Finding) IsWaived() bool { return f.Waiver != nil && !f.WaiverExpired }

func rangeAt(doc *document.Document, path string) *diag.Range {
	r, _, ok := doc.Index.Resolve(path)
	if !ok {
		return &diag.Range{Filename: doc.Path}
	}
	return &r
}
