package checks

import (
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
)

// forbiddenBuiltin reports whether a builtin could let a policy reach the
// network or the machine, or make its answer depend on chance. Policies see
// only the design review; a custom policy must not be able to exfiltrate it
// or give different verdicts on different runs.
func forbiddenBuiltin(name string) bool {
	switch {
	case name == "http.send", name == "opa.runtime", name == "rand.intn", name == "uuid.rfc4122",
		name == "trace":
		return true
	case strings.HasPrefix(name, "net."):
		return true
	}
	return false
}

var (
	capsOnce sync.Once
	caps     *ast.Capabilities
)

// SafeCapabilities is this OPA version's capabilities without the
// forbidden builtins, and with no network hosts allowed at all.
func SafeCapabilities() *ast.Capabilities {
	capsOnce.Do(func() {
		all := ast.CapabilitiesForThisVersion()
		kept := all.Builtins[:0:0]
		for _, b := range all.Builtins {
			if !forbiddenBuiltin(b.Name) {
				kept = append(kept, b)
			}
		}
		all.Builtins = kept
		all.AllowNet = []string{}
		caps = all
	})
	return caps
}
