# payments keeps its data in eu-west-1 and its disaster-recovery copy in
# eu-central-1 (ADR-0004). The state lives with the other storefront
# stacks; the tags mark the card-data scope for the PCI audit.
terraform {
  required_providers {
    aws = {
      version = ">= 5.70, < 6.0"
    }
  }
  backend "s3" {}
}

locals {
  payments_tags = { service = "payments", owner = "team-payments", cost-center = "storefront", pci-scope = "cde" }
}

provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["210987654321"]
  default_tags { tags = local.payments_tags }
}

provider "aws" {
  alias               = "dr"
  region              = "eu-central-1"
  allowed_account_ids = ["210987654321"]
  default_tags { tags = local.payments_tags }
}
