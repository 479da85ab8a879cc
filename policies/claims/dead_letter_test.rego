package archvet.rules.claims.dead_letter_test

import rego.v1

import data.archvet.rules.claims.dead_letter as rule

at(line) := {"file": "infra/queues.tf", "line": line, "column": 1}

review := {"events": {"consumes": [{"name": "payment-settled", "topic": "payments_settled", "dead_letter": "payments-settled-dlq"}]}}

queue(name, line, facts) := {"address": sprintf("aws_sqs_queue.q%d", [line]), "kind": "queue", "name": name, "at": at(line), "facts": facts}

with_queues(qs) := object.union(review, {"_artefacts": {"terraform": {"resources": qs}}})

status(claims) := [c.status | some c in claims][0]

test_redrive_to_the_named_queue_verifies if {
	inp := with_queues([queue("payments-settled", 1, {"dead_letter": {"value": "arn:aws:sqs:eu-west-1:123456789012:payments-settled-dlq", "at": at(4)}})])
	status(rule.claims) == "verified" with input as inp
	count(rule.deny) == 0 with input as inp
}

test_boolean_redrive_verifies if {
	inp := with_queues([queue("payments-settled", 1, {"dead_letter": {"value": true, "at": at(4)}})])
	status(rule.claims) == "verified" with input as inp
}

test_queue_without_redrive_contradicts if {
	inp := with_queues([
		queue("payments-settled", 1, {"dead_letter": {"value": false, "at": at(4)}}),
		queue("payments-settled-dlq", 10, {}),
	])
	status(rule.claims) == "contradicted" with input as inp
	findings := rule.deny with input as inp
	count(findings) == 1
	some f in findings
	f.path == "events.consumes[0].dead_letter"
	f.at == at(4)
	f.msg == "events.consumes[0].dead_letter says \"payments-settled-dlq\", but aws_sqs_queue.q1 has no dead-letter queue"
}

test_redrive_to_another_queue_contradicts if {
	inp := with_queues([queue("payment-settled", 1, {"dead_letter": {"value": "orders-dlq", "at": at(4)}})])
	some f in rule.deny with input as inp
	f.msg == "events.consumes[0].dead_letter says \"payments-settled-dlq\", but aws_sqs_queue.q1 has dead-letter queue orders-dlq"
}

test_referenced_target_is_verified_by_the_queue_it_names if {
	inp := with_queues([
		queue("payments-settled", 1, {"dead_letter": {"unknown": true, "expression": "jsonencode({...})", "at": at(4)}}),
		queue("payments_settled_DLQ", 10, {}),
	])
	claims := rule.claims with input as inp
	some c in claims
	c.status == "verified"
	c.at == at(10)
}

test_referenced_target_alone_stays_unverified if {
	inp := with_queues([queue("payments-settled", 1, {"dead_letter": {"unknown": true, "expression": "jsonencode({...})", "at": at(4)}})])
	claims := rule.claims with input as inp
	some c in claims
	c.status == "unverified"
	c.at == at(4)
}

redrive(inp, value) := json.patch(inp, [{"op": "replace", "path": "/_artefacts/terraform/resources/0/facts/dead_letter/value", "value": value}])

test_no_dead_letter_claimed_agrees_with_none if {
	inp := {
		"events": {"consumes": [{"name": "audit", "dead_letter": ""}]},
		"_artefacts": {"terraform": {"resources": [queue("audit", 1, {"dead_letter": {"value": false, "at": at(4)}})]}},
	}
	status(rule.claims) == "verified" with input as inp
	literal := redrive(inp, "")
	status(rule.claims) == "verified" with input as literal
	named := rule.deny with input as redrive(inp, "audit-dlq")
	some f in named
	f.msg == "events.consumes[0].dead_letter says \"\", but aws_sqs_queue.q1 has dead-letter queue audit-dlq"
	some g in rule.deny with input as redrive(inp, true)
	g.msg == "events.consumes[0].dead_letter says \"\", but aws_sqs_queue.q1 has a dead-letter queue"
}

test_buckets_are_not_queues if {
	bucket := {"address": "aws_s3_bucket.b", "kind": "bucket", "name": "payments-settled", "at": at(1), "facts": {"dead_letter": {"value": false, "at": at(4)}}}
	inp := with_queues([bucket])
	status(rule.claims) == "unverified" with input as inp
}

test_without_terraform_the_rule_does_not_apply if {
	not rule.applicable with input as review
}

# Terraform was read, but none of it speaks to the claims.
nothing_read := object.union(review, {"_artefacts": {"terraform": {}}})

test_when_nothing_speaks_the_claim_is_unverified if {
	rule.applicable with input as nothing_read
	status(rule.claims) == "unverified" with input as nothing_read
}

test_no_dead_letter_stated_not_applicable if {
	not rule.applicable with input as {"events": {"consumes": [{"name": "payment-settled"}]}}
}
