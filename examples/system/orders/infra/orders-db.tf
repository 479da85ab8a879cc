# orders-db: the source of truth of orders (ADR-0003). Multi-AZ with a
# synchronous standby, 35 days of automated backups for point-in-time
# recovery, encrypted with a customer-managed key, and a read replica in
# the standby region for the warm-standby plan.
resource "aws_kms_key" "orders" {
  description             = "orders orders-db storage"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  tags                    = local.tags
}

resource "aws_db_subnet_group" "orders" {
  name       = "orders-db"
  subnet_ids = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002", "subnet-0a1b2c3d4e5f60003"]
}

resource "aws_db_instance" "orders" {
  identifier     = "orders-db"
  engine         = "postgres"
  engine_version = "16.4"
  instance_class = "db.r7g.2xlarge"

  allocated_storage     = 400
  max_allocated_storage = 1000
  storage_type          = "gp3"
  storage_encrypted     = true
  kms_key_id            = aws_kms_key.orders.arn

  multi_az             = true
  db_subnet_group_name = aws_db_subnet_group.orders.name

  backup_retention_period = 35
  backup_window           = "02:00-03:00"
  copy_tags_to_snapshot   = true
  deletion_protection     = true

  username                    = "orders"
  manage_master_user_password = true

  tags = local.tags
}

resource "aws_kms_key" "orders_standby" {
  provider            = aws.standby
  description         = "orders orders-db standby storage"
  enable_key_rotation = true
  tags                = local.tags
}

resource "aws_db_instance" "orders_standby" {
  provider            = aws.standby
  identifier          = "orders-db-standby"
  replicate_source_db = aws_db_instance.orders.arn
  instance_class      = "db.r7g.2xlarge"
  storage_encrypted   = true
  kms_key_id          = aws_kms_key.orders_standby.arn
  multi_az            = true
  deletion_protection = true
  skip_final_snapshot = false
  tags                = local.tags
}
