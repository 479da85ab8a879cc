package imports

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/archvet/archvet/internal/document"
)

// openSLO merges every SLO of an OpenSLO file (other kinds, such as SLI or
// AlertPolicy, are skipped; a file with no SLO at all is a warning). The
// file may hold one object, several --- separated documents, or a list of
// objects at the top level, as OpenSLO's SDK and oslo read them:
//
//	metadata.name                          slos[].name
//	spec.objectives[0].target (0-1)        slos[].objective_percent (x 100)
//	spec.objectives[0].targetPercent       slos[].objective_percent
//	spec.timeWindow[0].duration (28d, 4w)  slos[].window_days
//	spec.timeWindows[0].count and unit     slos[].window_days (v1alpha)
//	indicator name, or the SLO's, naming
//	latency or availability                slos[].sli
//
// budgetingMethod has no field in the format and is not imported.
func (m *merger) openSLO(rel, field string) {
	path, docs, ok := m.load(rel, field, "OpenSLO file")
	if !ok {
		return
	}
	found := false
	for _, d := range docs {
		if kind, _ := get(d, "kind"); kind != "SLO" {
			continue
		}
		found = true
		m.slo(source{doc: d, field: field})
	}
	if !found {
		// An SLI, AlertPolicy or Service file is valid OpenSLO: listing
		// all of a repository's OpenSLO files must not fail the run.
		m.warnf(at(m.doc, field), "the imported OpenSLO file %s holds no SLO (kind: SLO); nothing is imported from it", path)
	}
}

func (m *merger) slo(src source) {
	name, npath, ok := m.str(src, "metadata", "name")
	if !ok {
		m.errorf(at(src.doc, npath), "an OpenSLO SLO needs metadata.name")
		return
	}
	e, epath := m.entry([]string{"slos"}, name, src, npath)
	if e == nil {
		return
	}
	if pct, from, ok := m.objective(src); ok {
		m.fill(e, epath, "objective_percent", pct, src, from)
	}
	if days, from, ok := m.window(src); ok {
		m.fill(e, epath, "window_days", days, src, from)
	}
	if sli, from, ok := m.indicator(src); ok {
		m.fill(e, epath, "sli", sli, src, from)
	}
}

// objective reads the first objective as a percentage.
func (m *merger) objective(src source) (any, string, bool) {
	v, path := get(src.doc, "spec", "objectives")
	list, ok := v.([]any)
	if !ok || len(list) == 0 {
		return nil, "", false
	}
	first, ok := list[0].(map[string]any)
	base := document.JoinIndex(path, 0)
	if !ok {
		m.errorf(at(src.doc, base), "%s: want an objective (target or targetPercent)", base)
		return nil, "", false
	}
	if t, ok := m.number(src, first["targetPercent"], document.JoinKey(base, "targetPercent")); ok {
		from := document.JoinKey(base, "targetPercent")
		if t <= 0 || t > 100 {
			m.errorf(at(src.doc, from), "%s: %v is not a percentage between 0 and 100", from, t)
			return nil, "", false
		}
		return whole(round(t)), from, true
	}
	from := document.JoinKey(base, "target")
	if t, ok := m.number(src, first["target"], from); ok {
		if t <= 0 || t > 1 {
			m.errorf(at(src.doc, from), "%s: %v is not a ratio between 0 and 1 (use targetPercent for a percentage)", from, t)
			return nil, "", false
		}
		return whole(round(t * 100)), from, true
	}
	return nil, "", false
}

// round drops the floating-point noise of a scaled ratio: 0.999 x 100 is
// 99.9, not 99.89999999999999.
func round(x float64) float64 { return math.Round(x*1e6) / 1e6 }

var durationRE = regexp.MustCompile(`^(\d{1,9})([smhdwMQY])$`)

// daysPer is the length in days of OpenSLO's calendar units. Months,
// quarters and years are taken at their usual lengths.
var daysPer = map[string]int64{"d": 1, "w": 7, "M": 30, "Q": 90, "Y": 365}

// window reads the first time window in whole days: v1's
// timeWindow[].duration (28d), or v1alpha's timeWindows[].count and unit
// (28, Day).
func (m *merger) window(src source) (any, string, bool) {
	if v, path := get(src.doc, "spec", "timeWindows"); v != nil {
		return m.alphaWindow(src, v, path)
	}
	v, path := get(src.doc, "spec", "timeWindow")
	list, ok := v.([]any)
	if !ok || len(list) == 0 {
		return nil, "", false
	}
	from := document.JoinKey(document.JoinIndex(path, 0), "duration")
	first, _ := list[0].(map[string]any)
	d, ok := first["duration"].(string)
	if !ok {
		m.errorf(at(src.doc, from), "%s: want a duration such as 28d", from)
		return nil, "", false
	}
	match := durationRE.FindStringSubmatch(strings.TrimSpace(d))
	if match == nil {
		m.errorf(at(src.doc, from), "%s: %q is not an OpenSLO duration such as 28d or 4w", from, d)
		return nil, "", false
	}
	n, _ := strconv.ParseInt(match[1], 10, 64)
	return m.days(src, n, match[2], d, from)
}

// alphaUnits are v1alpha's time-window units, as duration suffixes.
var alphaUnits = map[string]string{
	"second": "s", "minute": "m", "hour": "h", "day": "d", "week": "w", "month": "M", "quarter": "Q", "year": "Y",
}

func (m *merger) alphaWindow(src source, v any, path string) (any, string, bool) {
	list, ok := v.([]any)
	if !ok || len(list) == 0 {
		return nil, "", false
	}
	base := document.JoinIndex(path, 0)
	first, _ := list[0].(map[string]any)
	from := document.JoinKey(base, "count")
	n, ok := m.number(src, first["count"], from)
	if !ok || n < 1 || n != math.Trunc(n) || n > 1e6 {
		m.errorf(at(src.doc, from), "%s: want a whole number of units such as 28", from)
		return nil, "", false
	}
	upath := document.JoinKey(base, "unit")
	unit, _ := first["unit"].(string)
	suffix, ok := alphaUnits[strings.ToLower(unit)]
	if !ok {
		m.errorf(at(src.doc, upath), "%s: %q is not an OpenSLO time unit (Second, Minute, Hour, Day, Week, Month, Quarter, Year)", upath, unit)
		return nil, "", false
	}
	return m.days(src, int64(n), suffix, fmt.Sprintf("%d %s", int64(n), unit), from)
}

// days turns n units (a duration suffix: s, m, h, d, w, M, Q, Y) into
// whole days; a window shorter than a day, or not a whole number of days,
// is a warning and is not imported.
func (m *merger) days(src source, n int64, unit, spelled, from string) (any, string, bool) {
	per := map[string]int64{"s": 24 * 60 * 60, "m": 24 * 60, "h": 24}[unit]
	var days int64
	switch {
	case per > 0 && n%per == 0:
		days = n / per
	case per == 0:
		days = n * daysPer[unit]
	}
	if days < 1 {
		m.warnf(at(src.doc, from), "time window %s is not a whole number of days; window_days is not imported", spelled)
		return nil, "", false
	}
	return days, from, true
}

// indicator guesses the SLI kind from the indicator's name, or the SLO's,
// when one of them says so plainly.
func (m *merger) indicator(src source) (string, string, bool) {
	candidates := [][]string{
		{"spec", "indicator", "metadata", "name"},
		{"spec", "indicatorRef"},
		{"spec", "sli", "metadata", "name"}, // v2alpha
		{"spec", "sliRef"},
		{"metadata", "name"},
	}
	for _, keys := range candidates {
		v, path := get(src.doc, keys...)
		s, ok := v.(string)
		if !ok {
			continue
		}
		s = strings.ToLower(s)
		switch {
		case strings.Contains(s, "latency"), strings.Contains(s, "duration"):
			return "latency", path, true
		case strings.Contains(s, "availability"), strings.Contains(s, "uptime"), strings.Contains(s, "success-rate"):
			return "availability", path, true
		}
	}
	return "", "", false
}
