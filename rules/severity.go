package rules

import (
	"fmt"
	"strings"
)

// Severity says how much a failed rule matters. The order is significant:
// a larger value is more severe.
type Severity int

const (
	Low Severity = iota + 1
	Medium
	High
	Critical
)

var severityNames = map[Severity]string{Low: "low", Medium: "medium", High: "high", Critical: "critical"}

func (s Severity) String() string { return severityNames[s] }

// Weight is the number of points a rule of this severity is worth in a
// score. The ratios follow OpenSSF Scorecard's risk weights (10, 7.5, 5,
// 2.5), doubled to stay in whole numbers.
func (s Severity) Weight() int {
	switch s {
	case Critical:
		return 20
	case High:
		return 15
	case Medium:
		return 10
	case Low:
		return 5
	}
	return 0
}

// ParseSeverity reads a severity name, case-insensitively.
func ParseSeverity(s string) (Severity, error) {
	for sev, name := range severityNames {
		if strings.EqualFold(s, name) {
			return sev, nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want critical, high, medium or low)", s)
}

// MarshalText lets severities appear by name in JSON.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }
