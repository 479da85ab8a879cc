# payments-db: the source of truth of payments (ADR-0003), RDS for
# PostgreSQL. A Multi-AZ instance keeps a synchronous standby in a second
# zone; io2 storage holds the charge path's write latency steady. Backups
# are kept 35 days and restore to any point in them. A read replica in
# eu-central-1, encrypted with a replica of the same multi-Region key, is
# the warm standby promoted when the region fails.

variable "payments_db_class" {
  description = "Instance class of payments-db and its replica (reviewed with the capacity plan)."
  type        = string
  default     = "db.m7g.2xlarge"
}

resource "aws_kms_key" "payments_db" {
  description         = "payments-db, multi-Region so that its replica reads the same key"
  multi_region        = true
  enable_key_rotation = true
}

resource "aws_kms_replica_key" "payments_db_dr" {
  description             = "payments-db replica in eu-central-1"
  primary_key_arn         = aws_kms_key.payments_db.arn
  deletion_window_in_days = 30
  provider                = aws.dr
}

# PostgreSQL 16 on RDS refuses connections without TLS by default
# (rds.force_ssl is 1); this group adds the connection log the PCI audit
# asks of the primary.
resource "aws_db_parameter_group" "payments" {
  name   = "payments-pg16"
  family = "postgres16"

  parameter {
    name  = "log_connections"
    value = "1"
  }
  parameter {
    name  = "log_disconnections"
    value = "1"
  }
}

resource "aws_db_instance" "payments" {
  identifier           = "payments-db"
  instance_class       = var.payments_db_class
  engine               = "postgres"
  engine_version       = "16.6"
  parameter_group_name = aws_db_parameter_group.payments.name
  ca_cert_identifier   = "rds-ca-ecc384-g1"

  multi_az               = true
  db_subnet_group_name   = "storefront-data-euw1"
  vpc_security_group_ids = ["sg-07c1e5a9b3d2f4a10"]

  storage_type          = "io2"
  allocated_storage     = 200
  max_allocated_storage = 600
  iops                  = 12000
  storage_encrypted     = true
  kms_key_id            = aws_kms_key.payments_db.arn

  deletion_protection       = true
  backup_retention_period   = 35
  backup_window             = "23:00-00:00"
  maintenance_window        = "sun:00:30-sun:01:30"
  final_snapshot_identifier = "payments-db-final"

  username                            = "payments_admin"
  manage_master_user_password         = true
  iam_database_authentication_enabled = true
  performance_insights_enabled        = true
  performance_insights_kms_key_id     = aws_kms_key.payments_db.arn
}

resource "aws_db_instance" "payments_dr" {
  provider               = aws.dr
  identifier             = "payments-db-dr"
  replicate_source_db    = aws_db_instance.payments.arn
  instance_class         = var.payments_db_class
  kms_key_id             = aws_kms_replica_key.payments_db_dr.arn
  storage_encrypted      = true
  vpc_security_group_ids = ["sg-0e2d4f6a8c1b3d5f7"]
  # Kept for the promoted replica: a new primary starts with backups.
  backup_retention_period = 7
  deletion_protection     = true
  skip_final_snapshot     = true
}
