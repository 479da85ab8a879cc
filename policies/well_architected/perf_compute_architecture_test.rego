package archvet.rules.well_architected.perf_compute_architecture_test

import rego.v1

import data.archvet.rules.well_architected.perf_compute_architecture

test_declared_passes if {
	count(perf_compute_architecture.deny) == 0 with input as {"capacity": {"compute": "x86"}}
}

test_missing_fails if {
	findings := perf_compute_architecture.deny with input as {"capacity": {"peak_rps": 10}}
	count(findings) == 1
	some f in findings
	f.path == "capacity.compute"
}
