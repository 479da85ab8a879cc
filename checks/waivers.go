package checks

import (
	"fmt"
	"strings"
	"time"

	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/internal/document"
	"github.com/archvet/archvet/rules"
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

// WaiverPolicy is what an organisation demands of a waiver before it
// accepts the risk (`waivers:` in .archvet.yaml). The schema already
// refuses a waiver without a reason, an approver or an expiry date.
type WaiverPolicy struct {
	// MaxDays is the longest a waiver of a rule of each severity may run,
	// counted from the day of the run. A severity absent from the map has
	// no maximum. A waiver that runs longer is an error and does not apply.
	MaxDays map[rules.Severity]int
	// WarnWithinDays: a waiver that expires within this many days is a
	// warning, so the team renews it or fixes the finding before the gate
	// fails. Zero turns the warning off.
	WarnWithinDays int
	// Strict makes a stale waiver, one that matches no finding, fail the
	// gate (--strict-waivers) instead of only warning.
	Strict bool
}

// Default waiver limits: a critical risk is accepted for a quarter at
// most, a high one for half a year; an expiry a month away is announced.
const (
	DefaultMaxDaysCritical = 90
	DefaultMaxDaysHigh     = 180
	DefaultWarnWithinDays  = 30
)

// DefaultWaiverPolicy is the policy without a configuration file.
func DefaultWaiverPolicy() WaiverPolicy {
	return WaiverPolicy{
		MaxDays:        map[rules.Severity]int{rules.Critical: DefaultMaxDaysCritical, rules.High: DefaultMaxDaysHigh},
		WarnWithinDays: DefaultWarnWithinDays,
	}
}

// covers reports whether the waiver applies to a finding of its rule: no
// path means every finding; a path matches that field or anything below,
// written either with list indexes (dependencies[1].timeout_ms) or with
// entries by name, as the finding's identity key spells them
// (dependencies[payments].timeout_ms). The name form survives entries
// inserted or reordered above, as baselines and fingerprints do.
func (w Waiver) covers(ruleID string, f *Finding) bool {
	if !strings.EqualFold(w.Rule, ruleID) {
		return false
	}
	return w.Path == "" || under(f.Field, w.Path) || (f.Key != "" && under(f.Key, w.Path))
}

// under reports whether field is path or lies below it.
func under(field, path string) bool {
	return field == path || strings.HasPrefix(field, path+".") || strings.HasPrefix(field, path+"[")
}

// expiry is the waiver's last day; ok is false when the date is invalid
// (the schema refuses such a file before it gets here).
func (w Waiver) expiry() (time.Time, bool) {
	exp, err := time.Parse("2006-01-02", w.Expires)
	return exp, err == nil
}

// expired reports whether the waiver no longer applies on the given day.
// The expiry date itself is the last day it applies.
func (w Waiver) expired(now time.Time) bool {
	exp, ok := w.expiry()
	return !ok || day(now).After(exp)
}

// day is the calendar day (UTC) of a moment.
func day(t time.Time) time.Time { return t.UTC().Truncate(24 * time.Hour) }

// daysUntil counts whole days from the day of now to t.
func daysUntil(now, t time.Time) int { return int(t.Sub(day(now)).Hours() / 24) }

// key identifies what a waiver waives, for telling duplicates apart.
func (w Waiver) key() string { return strings.ToUpper(w.Rule) + "\x00" + w.Path }

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

// waiverAudit is what applying a file's waivers found wrong with them:
// diagnostics at the waivers, and the reasons, if any, the file fails the
// gate because of them.
type waiverAudit struct {
	diags diag.Diagnostics
	gate  []string
}

// applyWaivers marks the findings current waivers cover, turns expired
// waivers back into failures that say so, and audits the waivers: one
// that runs past the policy's maximum, or repeats an earlier one, is an
// error and does not apply; one about to expire is a warning; one that
// matches nothing (the rule passes, or does not exist) is stale.
func applyWaivers(doc *document.Document, results []RuleResult, now time.Time, policy WaiverPolicy) waiverAudit {
	waivers := waiversOf(doc)
	if len(waivers) == 0 {
		return waiverAudit{}
	}
	var audit waiverAudit
	severity := map[string]rules.Severity{}
	for _, res := range results {
		severity[strings.ToUpper(res.Rule.ID)] = res.Rule.Severity
	}
	invalid := make([]bool, len(waivers))
	first := map[string]int{}
	for wi, w := range waivers {
		if prev, dup := first[w.key()]; dup {
			audit.diags = append(audit.diags, duplicateWaiver(doc, w, waivers[prev]))
			invalid[wi] = true
			continue
		}
		first[w.key()] = wi
		exp, ok := w.expiry()
		if !ok {
			continue
		}
		left := daysUntil(now, exp)
		sev, known := severity[strings.ToUpper(w.Rule)]
		if max, limited := policy.MaxDays[sev]; known && limited && max > 0 && left > max {
			audit.diags = append(audit.diags, diag.Errorf(rangeAt(doc, w.Field+".expires"),
				"waiver of %s runs until %s, %d days from %s; a waiver of a %s rule may run %d days at most (waivers.max_days in %s), so it does not apply",
				w.Rule, w.Expires, left, day(now).Format("2006-01-02"), sev, max, ".archvet.yaml"))
			invalid[wi] = true
			continue
		}
		if left >= 0 && policy.WarnWithinDays > 0 && left <= policy.WarnWithinDays {
			audit.diags = append(audit.diags, diag.Warningf(rangeAt(doc, w.Field+".expires"),
				"waiver of %s expires on %s, %s; renew it or fix the finding before then", w.Rule, w.Expires, inDays(left)))
		}
	}

	used := make([]bool, len(waivers))
	// shadowed[wi] is the earlier waiver that already covered a finding
	// waiver wi also covers.
	shadowed := make([]int, len(waivers))
	for i := range shadowed {
		shadowed[i] = -1
	}
	known := map[string]bool{}
	for ri := range results {
		res := &results[ri]
		known[strings.ToUpper(res.Rule.ID)] = true
		// An open question's risk can be accepted as a failure's can.
		if res.Status != Fail && res.Status != Unanswered {
			continue
		}
		waivedAll := true
		for fi := range res.Findings {
			f := &res.Findings[fi]
			for wi, w := range waivers {
				if invalid[wi] || !w.covers(res.Rule.ID, f) {
					continue
				}
				// A current waiver wins over an expired one; otherwise
				// the first that covers the finding does.
				if f.Waiver != nil && (!f.WaiverExpired || w.expired(now)) {
					if shadowed[wi] < 0 {
						shadowed[wi] = waiverIndex(waivers, f.Waiver)
					}
					continue
				}
				used[wi] = true
				w := w
				f.Waiver = &w
				f.WaiverExpired = w.expired(now)
			}
			if f.Waiver != nil && f.WaiverExpired {
				f.Message += fmt.Sprintf(" (waiver expired on %s)", f.Waiver.Expires)
			}
			if !f.IsWaived() {
				waivedAll = false
			}
		}
		if waivedAll {
			res.Status = Waived
		}
	}
	stale := 0
	for wi, w := range waivers {
		if used[wi] || invalid[wi] {
			continue
		}
		if prev := shadowed[wi]; prev >= 0 {
			audit.diags = append(audit.diags, duplicateWaiver(doc, w, waivers[prev]))
			invalid[wi] = true
			continue
		}
		stale++
		at := rangeAt(doc, w.Field)
		var d diag.Diagnostic
		if !known[strings.ToUpper(w.Rule)] {
			d = diag.Warningf(at, "stale waiver: no rule %q is evaluated", w.Rule)
		} else {
			what := "rule " + w.Rule + " has no finding"
			if w.Path != "" {
				what += " at " + w.Path
			}
			d = diag.Warningf(at, "stale waiver: %s; remove the waiver", what)
		}
		if policy.Strict {
			d.Severity = diag.Error
		}
		audit.diags = append(audit.diags, d)
	}
	if n := count(invalid); n > 0 {
		audit.gate = append(audit.gate, fmt.Sprintf("%d invalid waiver(s): too long or duplicated", n))
	}
	if policy.Strict && stale > 0 {
		audit.gate = append(audit.gate, fmt.Sprintf("%d stale waiver(s) matching no finding (--strict-waivers)", stale))
	}
	return audit
}

func duplicateWaiver(doc *document.Document, w, prev Waiver) diag.Diagnostic {
	what := "rule " + w.Rule
	if w.Path != "" {
		what += " at " + w.Path
	}
	where := prev.Field
	if r := rangeAt(doc, prev.Field); r.Start.Known() {
		where = fmt.Sprintf("%s (line %d)", prev.Field, r.Start.Line)
	}
	return diag.Errorf(rangeAt(doc, w.Field), "duplicate waiver: %s is already waived by %s; remove one of them", what, where)
}

func waiverIndex(ws []Waiver, w *Waiver) int {
	for i := range ws {
		if ws[i].Field == w.Field {
			return i
		}
	}
	return -1
}

func count(bs []bool) int {
	n := 0
	for _, b := range bs {
		if b {
			n++
		}
	}
	return n
}

func inDays(n int) string {
	switch n {
	case 0:
		return "today"
	case 1:
		return "tomorrow"
	}
	return fmt.Sprintf("in %d days", n)
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
