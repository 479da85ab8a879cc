# Checkout's data tier: the orders database and the price cache in
# eu-west-1, with the orders standby replica in eu-central-1 (ADR-0004).
terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
    pagerduty = {
      source  = "PagerDuty/pagerduty"
      version = "~> 3.15"
    }
  }
}

# Every resource is tagged with the service, its owner and who pays.
provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = {
      service     = "checkout"
      owner       = "team-checkout"
      cost-center = "storefront"
      environment = var.environment
    }
  }
}

provider "aws" {
  alias  = "standby"
  region = "eu-central-1"
  default_tags {
    tags = {
      service     = "checkout"
      owner       = "team-checkout"
      cost-center = "storefront"
      environment = var.environment
    }
  }
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
