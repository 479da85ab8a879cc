# Checkout's data tier: the orders database and the price cache in
# eu-west-1, with the orders standby replica in eu-central-1 (ADR-0004).
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
    service     = "checkout"
    owner       = "team-checkout"
    cost-center = "storefront"
    environment = var.environment
  }
}
