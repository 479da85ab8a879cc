# orders runs in eu-west-1; the secondary cluster of its global database
# is in eu-central-1 (ADR-0004). The providers tag every resource, so no
# resource repeats its tags.
terraform {
  required_version = ">= 1.10"

  backend "s3" {
    bucket       = "storefront-terraform-state"
    key          = "orders/data-tier.tfstate"
    region       = "eu-west-1"
    use_lockfile = true
  }

  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.80" }
  }
}

provider "aws" {
  region = "eu-west-1"
  default_tags { tags = { service = "orders", owner = "team-orders", cost-center = "storefront" } }
}

provider "aws" {
  alias  = "standby"
  region = "eu-central-1"
  default_tags { tags = { service = "orders", owner = "team-orders", cost-center = "storefront", role = "standby" } }
}
