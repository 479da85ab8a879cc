# invoices-db was created from a staging template: no automated backups,
# storage left unencrypted (the default), one zone.
resource "aws_db_instance" "invoices" {
  identifier     = "invoices-db"
  engine         = "postgres"
  engine_version = "15.7"
  instance_class = "db.m6g.large"

  allocated_storage = 200
  storage_type      = "gp3"

  multi_az                = false
  backup_retention_period = 0
  deletion_protection     = var.protect_database
  skip_final_snapshot     = true

  username                    = "invoicing"
  manage_master_user_password = true
}
