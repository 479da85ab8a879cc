format_version = 1

service {
  name     = "bom-hcl"
  owner    = "team-bom"
  tier     = 3
  lifecyle = "production"
}
