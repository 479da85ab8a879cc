format_version = 1

service {
  name  = "syntax"
  owner = "team-syntax"
  tier  = 
}
