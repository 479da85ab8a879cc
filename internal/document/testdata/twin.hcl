# A design review in HCL; twin.yaml says the same in YAML.
format_version = 1
service {
  name        = "checkout"
  tier        = 0
  description = <<EOT
Takes orders.
Charges cards.
EOT
  notes = <<-EOT
    indented
    EOT
  responsibilities = ["orders", "payments"]
}
slo {
  availability   = 99.95
  latency_p99_ms = 250
  error_budget   = 0.05
}
dependency "payments" {
  timeout_ms = 800
  retries {
    max_attempts = 3
    jitter       = true
    backoff      = { initial_ms = 100, multiplier = 2.5 }
  }
  endpoint "/charge" {
    idempotent = true
  }
  endpoint "/refund" {
    idempotent = false
  }
}
dependency "fraud" {
  tags     = ["a", "b"]
  fallback = null
  critical = false
}
events {
  topic "order-placed" {
    schema = "avro"
  }
  retention_days = 7
}
alert {
  severity = "page"
  runbook  = "https://example.com/rb"
}
alert {
  severity = "ticket"
}
labels = {
  "team name" = "payments-core"
  cost-center = "cc-42"
}
matrix   = [[1, 2], [3, 4.5], []]
big      = 9007199254740993
negative = -12
