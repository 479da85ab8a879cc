# The orders database: Multi-AZ PostgreSQL with a read replica in the DR region.
resource "aws_db_instance" "orders" {
  identifier              = "orders-primary"
  engine                  = "postgres"
  engine_version          = "16.3"
  instance_class          = "db.r6g.large"
  allocated_storage       = 200
  multi_az                = true
  storage_encrypted       = true
  kms_key_id              = aws_kms_key.orders.arn
  backup_retention_period = 14
  deletion_protection     = true
  skip_final_snapshot     = false
}

resource "aws_db_instance" "orders_replica" {
  provider            = aws.dr
  identifier          = "orders-replica-dr"
  replicate_source_db = aws_db_instance.orders.arn
  instance_class      = "db.r6g.large"
  storage_encrypted   = true
}

resource "aws_kms_key" "orders" {
  description = "orders database"
}
