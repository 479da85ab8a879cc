# Invoicing's data tier as it was applied, not as the review describes it.
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
  }
}

provider "aws" {
  region = "eu-west-1"
}

variable "documents_versioning" {
  description = "Versioning status of the invoice documents bucket (Enabled or Suspended)."
  type        = string
  default     = "Suspended"
}

variable "protect_database" {
  type    = bool
  default = true
}
