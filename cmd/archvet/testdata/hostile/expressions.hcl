format_version = 1

service {
  name        = var.service_name
  owner       = lower("TEAM-EXPR")
  description = "checkout in ${local.region}"
  tier        = 3
}

codebase {
  deploys = [for d in ["api", "worker"] : d]
}
