package rules

// Framework is one checklist archvet maps rules onto, with the categories
// (factors, pillars, principles) a rule may belong to. These ids are the
// stable vocabulary of rule metadata and of every report.
type Framework struct {
	ID         string
	Name       string
	Categories []string
}

// Frameworks lists the checklists in report order.
var Frameworks = []Framework{
	{ID: "twelve-factor", Name: "Twelve-Factor App", Categories: []string{
		"codebase", "dependencies", "config", "backing-services", "build-release-run", "processes",
		"port-binding", "concurrency", "disposability", "dev-prod-parity", "logs", "admin-processes",
	}},
	{ID: "well-architected", Name: "AWS Well-Architected", Categories: []string{
		"operational-excellence", "security", "reliability", "performance-efficiency", "cost-optimization", "sustainability",
	}},
	{ID: "ideals", Name: "IDEALS", Categories: []string{
		"interface-segregation", "deployability", "event-driven", "availability-over-consistency", "loose-coupling", "single-responsibility",
	}},
	{ID: "production-readiness", Name: "Production readiness", Categories: []string{
		"slos", "observability", "incident-response", "capacity", "backup-and-recovery", "change-management",
		"resilience", "api-design", "messaging", "security", "data-governance", "testing",
	}},
}

// FrameworkByID finds a framework by its id.
func FrameworkByID(id string) (Framework, bool) {
	for _, f := range Frameworks {
		if f.ID == id {
			return f, true
		}
	}
	return Framework{}, false
}

func (f Framework) hasCategory(c string) bool {
	for _, have := range f.Categories {
		if have == c {
			return true
		}
	}
	return false
}

// Levels is the maturity ladder, lowest first. A rule belongs to one level;
// a service reaches a level when every applicable rule at it and below
// passes.
var Levels = []string{"reactive", "proactive", "strategic", "visionary"}
