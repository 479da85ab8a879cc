# The data tier of orders: orders-db and the price cache in
# eu-west-1, with the orders-db standby replica in eu-central-1 (ADR-0004).
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
    service     = "orders"
    owner       = "team-orders"
    cost-center = "storefront"
    environment = var.environment
  }
}
