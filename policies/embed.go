// Package policies embeds the built-in checklist: one Rego file per
// checklist item, its test beside it, and the shared helpers in lib/.
package policies

import "embed"

// FS holds every built-in policy and policy test.
//
//go:embed lib/*.rego twelve_factor/*.rego well_architected/*.rego ideals/*.rego production_readiness/*.rego system/*.rego claims/*.rego
var FS embed.FS
