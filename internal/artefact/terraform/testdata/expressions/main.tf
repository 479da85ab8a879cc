locals {
  tier_retention = { gold = 35, silver = 7 }
}

variable "retention" {
  type    = number
  default = 7
}

resource "aws_db_instance" "inventory" {
  identifier              = "inventory-${var.env}"
  backup_retention_period = var.retention
  multi_az                = var.env == "prod" ? true : false
  storage_encrypted       = local.encrypt
  deletion_protection     = lookup(local.flags, "protect", true)
}

resource "aws_dynamodb_table" "events" {
  name = "events"
  point_in_time_recovery {
    enabled = !var.cheap
  }
  dynamic "replica" {
    for_each = var.replica_regions
    content {
      region_name = replica.value
    }
  }
}

resource "aws_sqs_queue" "jobs" {
  name           = "jobs"
  redrive_policy = var.redrive_policy
}
