# The data tier of inventory: stock-db in
# eu-west-1, with the stock-db standby replica in eu-central-1 (ADR-0004).
terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }
}

provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "standby"
  region = "eu-central-1"
}

variable "environment" {
  type    = string
  default = "production"
}

locals {
  tags = {
    service     = "inventory"
    owner       = "team-orders"
    cost-center = "storefront"
    environment = var.environment
  }
}
