# stock-db: the source of truth of inventory (ADR-0003), Aurora
# PostgreSQL Serverless v2 in a global database. Reservations come in
# bursts around sales, so the instances scale between 2 and 64 ACUs
# rather than being sized for the peak. A writer and a reader in
# another zone make the primary cluster Multi-AZ; backups are kept 35
# days. The secondary cluster in Frankfurt is the warm standby.

resource "random_password" "stock_admin" {
  length  = 40
  special = false
}

resource "aws_rds_global_cluster" "stock" {
  global_cluster_identifier = "stock-global"
  engine                    = "aurora-postgresql"
  engine_version            = "16.6"
  storage_encrypted         = true
}

resource "aws_rds_cluster" "stock" {
  cluster_identifier        = "stock-db"
  global_cluster_identifier = aws_rds_global_cluster.stock.id
  engine                    = "aurora-postgresql"
  engine_mode               = "provisioned"
  engine_version            = "16.6"
  database_name             = "stock"
  master_username           = "inventory"
  master_password           = random_password.stock_admin.result

  serverlessv2_scaling_configuration {
    min_capacity = 2
    max_capacity = 64
  }

  storage_encrypted       = true
  kms_key_id              = aws_kms_key.stock.arn
  backup_retention_period = 35
  deletion_protection     = true
  skip_final_snapshot     = false
  db_subnet_group_name    = "storefront-data-euw1"
  tags                    = local.stock_tags
}

resource "aws_rds_cluster_instance" "stock_writer" {
  identifier         = "stock-db-a"
  cluster_identifier = aws_rds_cluster.stock.id
  instance_class     = "db.serverless"
  engine             = "aurora-postgresql"
  availability_zone  = "eu-west-1a"
  promotion_tier     = 0
}

resource "aws_rds_cluster_instance" "stock_reader" {
  identifier         = "stock-db-b"
  cluster_identifier = aws_rds_cluster.stock.id
  instance_class     = "db.serverless"
  engine             = "aurora-postgresql"
  availability_zone  = "eu-west-1b"
  promotion_tier     = 1
}

resource "aws_kms_key" "stock" {
  description             = "inventory stock-db"
  deletion_window_in_days = 14
  enable_key_rotation     = true
  tags                    = local.stock_tags
}

# Frankfurt: the secondary cluster of the global database, one reader.
resource "aws_rds_cluster" "stock_frankfurt" {
  cluster_identifier        = "stock-db-frankfurt"
  provider                  = aws.frankfurt
  global_cluster_identifier = aws_rds_global_cluster.stock.id
  engine                    = "aurora-postgresql"
  engine_version            = "16.6"
  storage_encrypted         = true
  kms_key_id                = aws_kms_key.stock_frankfurt.arn
  db_subnet_group_name      = "storefront-data-euc1"
  deletion_protection       = true
  skip_final_snapshot       = true
  depends_on                = [aws_rds_cluster_instance.stock_writer]

  serverlessv2_scaling_configuration {
    min_capacity = 1
    max_capacity = 64
  }
}

resource "aws_rds_cluster_instance" "stock_frankfurt" {
  identifier         = "stock-db-frankfurt-a"
  instance_class     = "db.serverless"
  engine             = "aurora-postgresql"
  cluster_identifier = aws_rds_cluster.stock_frankfurt.id
  provider           = aws.frankfurt
}

resource "aws_kms_key" "stock_frankfurt" {
  provider            = aws.frankfurt
  description         = "inventory stock-db, Frankfurt"
  enable_key_rotation = true
}
