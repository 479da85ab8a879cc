package checks

import (
	"github.com/archvet/archvet/internal/system"
)

// SystemReport is the system section of a run that checks several design
// reviews together (or one against --context): the service graph, what
// Go derived from it, and the system rules' outcome over the whole
// system. Report.System is nil when the run is not a system.
type SystemReport struct {
	Graph   system.Graph
	Derived system.Derived
	// Scorecard and Verdict judge the system by its system rules (rules
	// whose Scope is "system") alone: each such rule counts once, with
	// its worst status over the files (fail, then unanswered, waived,
	// pass, not applicable) at the severity of the file it has it in.
	Scorecard Scorecard
	Verdict   Verdict
	// Results are those worst results, one per system rule, in catalogue
	// order; File is where each came from ("" when no file ran the rule).
	Results []SystemResult
	// Findings are every system rule's findings over the reported files,
	// by file then rule, for the report's system findings.
	Findings []SystemFinding
	// Services is the per-service table, sorted by name: every service of
	// the graph, with the scores of those this run reported.
	Services []SystemService
}

// SystemResult is one system rule's worst result and the file it is from:
// the rule as graded for that file and its status there. Its Findings are
// not kept (Findings holds every finding once).
type SystemResult struct {
	File string
	RuleResult
}

// SystemFinding is one finding of a system rule, with its file and the
// rule's result in that file (the rule as graded for the file's tier and
// its status there; the result's Findings are not kept).
type SystemFinding struct {
	File   string
	Result *SystemResult
	Finding
}

// SystemService is one row of the per-service table.
type SystemService struct {
	Name string
	File string
	Tier int
	// Reported is false for a review that only gave context
	// (--context DIR): it is in the graph but was not checked, and Score,
	// Verdict and Completeness are then zero.
	Reported     bool
	Score        float64
	Verdict      Verdict
	Completeness float64
	// BlastRadius is Derived.BlastRadius[Name]: the tier-0 services that
	// fail with this one.
	BlastRadius []string
}

// SystemStream is implemented by report streams that write a system
// section: a streaming run calls System after the last file and before
// Close, with the same value Report.System holds in a collecting run.
type SystemStream interface {
	System(s *SystemReport) error
}
