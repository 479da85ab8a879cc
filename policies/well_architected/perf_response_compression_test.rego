package archvet.rules.well_architected.perf_response_compression_test

import rego.v1

import data.archvet.rules.well_architected.perf_response_compression

test_compressed_passes if {
	count(perf_response_compression.deny) == 0 with input as {"apis": [{"name": "a", "style": "rest", "exposure": "public", "compression": true}]}
}

test_uncompressed_fails if {
	case_input := {"apis": [
		{"name": "rpc", "style": "grpc", "exposure": "public"},
		{"name": "graph", "style": "graphql", "exposure": "partner", "compression": false},
	]}
	perf_response_compression.applicable with input as case_input
	findings := perf_response_compression.deny with input as case_input
	count(findings) == 1
	some f in findings
	f.path == "apis[1].compression"
}

test_unstated_fails if {
	some f in perf_response_compression.unanswered with input as {"apis": [{"name": "a", "style": "rest", "exposure": "public"}]}
	f.path == "apis[0].compression"
}

test_internal_api_not_applicable if {
	not perf_response_compression.applicable with input as {"apis": [{"name": "a", "style": "rest", "exposure": "internal"}]}
}
