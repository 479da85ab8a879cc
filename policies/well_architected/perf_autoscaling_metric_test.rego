package archvet.rules.well_architected.perf_autoscaling_metric_test

import rego.v1

import data.archvet.rules.well_architected.perf_autoscaling_metric

test_queue_depth_passes_for_worker if {
	count(perf_autoscaling_metric.deny) == 0 with input as {
		"events": {"consumes": [{"name": "order-placed"}]},
		"processes": {"scaling": {"autoscaling": true, "autoscaling_metric": "queue-depth"}},
	}
}

test_cpu_passes_for_api if {
	count(perf_autoscaling_metric.deny) == 0 with input as {
		"apis": [{"name": "a"}],
		"processes": {"scaling": {"autoscaling": true, "autoscaling_metric": "cpu"}},
	}
}

test_cpu_fails_for_worker if {
	case_input := {
		"events": {"consumes": [{"name": "order-placed"}]},
		"processes": {"scaling": {"autoscaling": true, "autoscaling_metric": "CPU utilisation"}},
	}
	perf_autoscaling_metric.applicable with input as case_input
	findings := perf_autoscaling_metric.deny with input as case_input
	count(findings) == 1
	some f in findings
	f.path == "processes.scaling.autoscaling_metric"
}

test_missing_metric_fails if {
	some f in perf_autoscaling_metric.unanswered with input as {"processes": {"scaling": {"autoscaling": true}}}
	f.path == "processes.scaling.autoscaling_metric"
}

test_no_autoscaling_not_applicable if {
	not perf_autoscaling_metric.applicable with input as {"processes": {"scaling": {"autoscaling": false}}}
}

test_cpu_scaling_without_consumers_passes if {
	count(perf_autoscaling_metric.deny) == 0 with input as {"processes": {"scaling": {"autoscaling": true, "autoscaling_metric": "cpu"}}}
}

worker(metric) := {
	"events": {"consumes": [{"name": "order-placed"}]},
	"processes": {"scaling": {"autoscaling": true, "autoscaling_metric": metric}},
}

# A resource word counts alone or before a separator, never inside
# another word: "memcache-hits" is not "mem".
test_resource_words if {
	every metric in ["memory", "mem_used", "cpu-percent", "Memory.rss"] {
		count(perf_autoscaling_metric.deny) == 1 with input as worker(metric)
	}
	every metric in ["memcache-hits", "cpus", "consumer-lag"] {
		count(perf_autoscaling_metric.deny) == 0 with input as worker(metric)
	}
}

test_override_of_the_resource_metrics if {
	count(perf_autoscaling_metric.deny) == 0 with input as worker("threads")
	count(perf_autoscaling_metric.deny) == 1 with input as worker("threads")
		with data.archvet.params as {"WA332": {"resource_metrics": [["threads"], ["threads"], ["threads"], ["threads"]]}}
}
