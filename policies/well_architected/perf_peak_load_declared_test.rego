package archvet.rules.well_architected.perf_peak_load_declared_test

import rego.v1

import data.archvet.rules.well_architected.perf_peak_load_declared

test_declared_passes if {
	count(perf_peak_load_declared.deny) == 0 with input as {"apis": [{"name": "a"}], "capacity": {"peak_rps": 50}}
}

test_missing_fails if {
	findings := perf_peak_load_declared.deny with input as {"apis": [{"name": "a"}]}
	count(findings) == 1
	some f in findings
	f.path == "capacity.peak_rps"
}

test_no_api_not_applicable if {
	not perf_peak_load_declared.applicable with input as {"data_stores": [{"name": "db"}]}
}
