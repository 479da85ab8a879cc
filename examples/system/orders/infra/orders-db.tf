# orders-db: the source of truth of orders (ADR-0003), an Aurora
# PostgreSQL global database. The primary cluster in eu-west-1 runs a
# writer and a reader, which takes over when the writer or its zone
# fails, and keeps 35 days of backups for point-in-time restore. The secondary cluster in eu-central-1 is the warm standby of
# ADR-0004, promoted when the region fails.

variable "orders_db_password" {
  description = "Master password of orders-db, kept in vault and passed in by the pipeline."
  type        = string
  sensitive   = true
}

resource "aws_rds_global_cluster" "orders" {
  global_cluster_identifier = "orders-global"
  engine                    = "aurora-postgresql"
  engine_version            = "16.4"
  database_name             = "orders"
  storage_encrypted         = true
  deletion_protection       = true
}

resource "aws_rds_cluster" "orders" {
  cluster_identifier        = "orders-db"
  global_cluster_identifier = aws_rds_global_cluster.orders.id
  engine                    = aws_rds_global_cluster.orders.engine
  engine_version            = aws_rds_global_cluster.orders.engine_version

  master_username                     = "orders_admin"
  master_password                     = var.orders_db_password
  iam_database_authentication_enabled = true

  db_subnet_group_name = "storefront-data-euw1"
  storage_encrypted    = true
  kms_key_id           = aws_kms_key.orders_db.arn

  backup_retention_period   = 35
  preferred_backup_window   = "01:30-02:30"
  copy_tags_to_snapshot     = true
  final_snapshot_identifier = "orders-db-final"
  deletion_protection       = true
}

# Two instances: the writer and a reader of the same class to fail over to.
resource "aws_rds_cluster_instance" "orders" {
  count                        = 2
  identifier                   = "orders-db-${count.index + 1}"
  cluster_identifier           = aws_rds_cluster.orders.id
  engine                       = aws_rds_cluster.orders.engine
  instance_class               = "db.r7g.2xlarge"
  performance_insights_enabled = true
  promotion_tier               = count.index
}

resource "aws_kms_key" "orders_db" {
  description         = "orders-db storage and snapshots"
  enable_key_rotation = true
}

resource "aws_rds_cluster" "orders_standby" {
  cluster_identifier        = "orders-db-standby"
  provider                  = aws.standby
  global_cluster_identifier = aws_rds_global_cluster.orders.id
  engine                    = aws_rds_global_cluster.orders.engine
  engine_version            = aws_rds_global_cluster.orders.engine_version
  db_subnet_group_name      = "storefront-data-euc1"
  storage_encrypted         = true
  kms_key_id                = aws_kms_key.orders_db_standby.arn
  backup_retention_period   = 7
  deletion_protection       = true
  skip_final_snapshot       = true

  # The secondary joins the global cluster after the primary has a writer.
  depends_on = [aws_rds_cluster_instance.orders]

  lifecycle {
    ignore_changes = [replication_source_identifier]
  }
}

resource "aws_rds_cluster_instance" "orders_standby" {
  provider           = aws.standby
  identifier         = "orders-db-standby-1"
  cluster_identifier = aws_rds_cluster.orders_standby.id
  engine             = aws_rds_cluster.orders_standby.engine
  instance_class     = "db.r7g.xlarge"
}

resource "aws_kms_key" "orders_db_standby" {
  provider            = aws.standby
  description         = "orders-db standby storage in eu-central-1"
  enable_key_rotation = true
}
