# ledger-db: the source of truth of ledger (ADR-0003), RDS for
# PostgreSQL. Version 6 of the AWS provider takes the region per
# resource, so this stack has no provider block: the pipeline's
# environment gives the credentials and a default region, and each
# resource says where it lives. The primary is Multi-AZ, keeps 35 days
# of backups (point-in-time restore) and refuses a destroy; the replica
# in eu-central-1 is the warm standby of ADR-0004.
terraform {
  required_version = "~> 1.11"
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 6.2" }
  }
}

resource "aws_db_instance" "ledger" {
  region            = "eu-west-1"
  identifier        = "ledger-db"
  engine            = "postgres"
  engine_version    = "16.8"
  instance_class    = "db.r7g.xlarge"
  allocated_storage = 300
  storage_type      = "gp3"
  storage_encrypted = true
  kms_key_id        = aws_kms_key.ledger_euw1.arn
  multi_az          = true

  # The ledger is reconciled every month: 35 days of backups, the most
  # RDS keeps, cover a whole period, and they outlive a deleted instance.
  backup_retention_period  = 35
  delete_automated_backups = false
  deletion_protection      = true

  db_subnet_group_name        = "storefront-data-euw1"
  username                    = "ledger_owner"
  manage_master_user_password = true
  auto_minor_version_upgrade  = false
  apply_immediately           = false

  tags = { service = "ledger", owner = "team-payments", cost-center = "storefront" }

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_db_instance" "ledger_replica" {
  region              = "eu-central-1"
  identifier          = "ledger-db-replica"
  replicate_source_db = aws_db_instance.ledger.arn
  instance_class      = "db.r7g.large"
  storage_encrypted   = true
  kms_key_id          = aws_kms_key.ledger_euc1.arn
  tags                = { service = "ledger", owner = "team-payments", role = "standby" }
}

resource "aws_kms_key" "ledger_euw1" {
  region              = "eu-west-1"
  description         = "ledger-db"
  enable_key_rotation = true
}

resource "aws_kms_key" "ledger_euc1" {
  region              = "eu-central-1"
  description         = "ledger-db replica"
  enable_key_rotation = true
}
