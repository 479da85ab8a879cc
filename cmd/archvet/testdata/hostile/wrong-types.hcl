format_version = 1

imports {
  openslo = "slo.yaml"
}

service {
  name  = "types-hcl"
  owner = "team-types"
  tier  = "zero"
}

codebase {
  deploys = "api"
}

build {
  stages_separated = "yes"
}

config {
  validated_at_startup = 1
}

processes {
  stateless = "true"
}

environment "production" {
  kind = 7
}

dependency "payments" {
  timeout_ms = "800ms"
}

data_store "orders" {
  engine = ["postgres"]
}

api "public" {
  clients = "web"
}

events {
  publishes = "order-placed"
}

consistency {
  rationale = 42
}

observability {
  dashboards = "grafana"
}

slo "availability" {
  objective_percent = "99.9%"
}

operations {
  incident_process = "sometimes"
}

deployment {
  automated = "yes"
}

capacity {
  peak_rps = "lots"
}

disaster_recovery {
  rto_minutes = "an hour"
}

security {
  threat_model = ["docs/threat-model.md"]
}

data {
  retention_days = 30.5
}

cost {
  monthly_budget_usd = "$1200"
}

sustainability {
  idle_scale_down = 0
}

decision "ADR-1" {
  title = { text = "Postgres" }
}

waiver "TF007" {
  reason      = ["none"]
  approved_by = "cto"
  expires     = "2027-01-01"
}
