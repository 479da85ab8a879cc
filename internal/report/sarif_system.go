package report

import "github.com/archvet/archvet/checks"

// sarifSystem is the system's summary in run.properties.archvet.system:
// SARIF has no place for a score, a verdict or a service table, and a
// property bag is where a tool's own data goes (SARIF 2.1.0 §3.8). The
// system findings themselves are ordinary results, with their related
// locations.
type sarifSystem struct {
	Score        *float64            `json:"score"`
	Completeness *float64            `json:"completeness"`
	Verdict      string              `json:"verdict"`
	Tally        checks.Tally        `json:"rules"`
	Services     []JSONSystemService `json:"services"`
	Cycles       [][]string          `json:"cycles"`
	Findings     int                 `json:"findings"`
}

// System keeps the system summary for Close.
func (s *sarifStream) System(sys *checks.SystemReport) error {
	j := buildSystem(sys).json
	s.system = &sarifSystem{Score: j.Score, Completeness: j.Completeness, Verdict: j.Verdict, Tally: j.Tally, Services: j.Services, Cycles: j.Cycles, Findings: len(j.Findings)}
	return nil
}
