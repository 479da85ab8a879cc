package archvet.rules.well_architected.sus_batch_time_shifting_test

import rego.v1

import data.archvet.rules.well_architected.sus_batch_time_shifting

test_time_shifting_passes if {
	count(sus_batch_time_shifting.deny) == 0 with input as {
		"processes": {"process_types": ["web", "nightly-report"]},
		"sustainability": {"batch_time_shifting": true},
	}
}

test_no_shifting_fails if {
	case_input := {
		"processes": {"process_types": ["web", "Worker"]},
		"sustainability": {"batch_time_shifting": false},
	}
	sus_batch_time_shifting.applicable with input as case_input
	findings := sus_batch_time_shifting.deny with input as case_input
	count(findings) == 1
	some f in findings
	f.path == "sustainability.batch_time_shifting"
	contains(f.msg, "Worker")
}

test_unstated_fails if {
	some f in sus_batch_time_shifting.unanswered with input as {"processes": {"process_types": ["cron"]}}
	f.path == "sustainability.batch_time_shifting"
}

test_web_only_not_applicable if {
	not sus_batch_time_shifting.applicable with input as {"processes": {"process_types": ["web"]}}
}

test_override_of_the_batch_words if {
	inp := {"processes": {"process_types": ["web", "Reindexer"]}, "sustainability": {"batch_time_shifting": false}}
	not sus_batch_time_shifting.applicable with input as inp
	count(sus_batch_time_shifting.deny) == 1 with input as inp
		with data.archvet.params as {"WA375": {"batch_words": [["index"], ["index"], ["index"], ["index"]]}}
}
