# A tier-3 service written in HCL.
format_version = 1
service {
  name  = "payments"
  owner = "team-payments"
  tier  = 3
}
config {
  source = "environment"
  secrets {
    store = "repository"
  }
}
dependency "acquirer" {
  interaction = "sync"
  criticality = "hard"
  timeout_ms  = 0
  fallback    = "none"
}
