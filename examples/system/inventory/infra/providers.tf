# inventory: stock-db in eu-west-1 and its secondary cluster in
# eu-central-1 (ADR-0004). Both configurations refuse any account but
# storefront production's.
terraform {
  required_providers {
    aws    = { source = "hashicorp/aws", version = "5.84.0" }
    random = { source = "hashicorp/random", version = "~> 3.6" }
  }
}

variable "account_id" {
  type    = string
  default = "123456789012"
}

provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = [var.account_id]
}

provider "aws" {
  alias               = "frankfurt"
  region              = "eu-central-1"
  allowed_account_ids = [var.account_id]
}

variable "extra_tags" {
  description = "Tags the platform team adds to every resource (the account's budget, for one)."
  type        = map(string)
  default     = {}
}

locals {
  stock_tags = merge(var.extra_tags, { service = "inventory", owner = "team-orders", cost-center = "storefront" })
}
