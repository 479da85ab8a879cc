package imports

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/archvet/archvet/internal/document"
)

// openSLO merges every SLO of an OpenSLO file (other kinds, such as SLI or
// AlertPolicy, are skipped):
//
//	metadata.name                          slos[].name
//	spec.objectives[0].target (0-1)        slos[].objective_percent (x 100)
//	spec.objectives[0].targetPercent       slos[].objective_percent
//	spec.timeWindow[0].duration (28d, 4w)  slos[].window_days
//	indicator name, or the SLO's, naming
//	latency or availability                slos[].sli
//
// budgetingMethod has no field in the format and is not imported.
func (m *merger) openSLO(rel, field string) {
	docs := m.load(rel, field, "OpenSLO file")
	if docs == nil {
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
		m.errorf(at(m.doc, field), "the imported OpenSLO file %s holds no SLO (kind: SLO)", docs[0].Path)
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

var durationRE = regexp.MustCompile(`^(\d+)([mhdwMQY])$`)

// daysPer is the length in days of OpenSLO's calendar units. Months,
// quarters and years are taken at their usual lengths.
var daysPer = map[string]int64{"d": 1, "w": 7, "M": 30, "Q": 90, "Y": 365}

// window reads the first time window's duration in whole days.
func (m *merger) window(src source) (any, string, bool) {
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
	var days int64
	switch unit := match[2]; unit {
	case "m":
		days = n / (24 * 60)
		if n%(24*60) != 0 {
			days = 0
		}
	case "h":
		days = n / 24
		if n%24 != 0 {
			days = 0
		}
	default:
		days = n * daysPer[unit]
	}
	if days < 1 {
		m.warnf(at(src.doc, from), "time window %s is not a whole number of days; window_days is not imported", d)
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
