package report

import (
	"fmt"

	"github.com/archvet/archvet/checks"
)

// System logs the system's summary after the files' lines, and gives the
// job summary its system section. The system findings are annotated with
// their files' findings already.
func (s *githubStream) System(sys *checks.SystemReport) error {
	j := buildSystem(sys).json
	s.systemLine = clean(fmt.Sprintf("archvet: system of %s: score %s, %s; %s", plural(len(j.Services), "service", "services"),
		scoreText(j.Score, "/100"), verdictWords(j.Verdict), plural(len(j.Findings), "system finding", "system findings")))
	if ss, ok := s.summary.(checks.SystemStream); ok {
		return ss.System(sys)
	}
	return nil
}
