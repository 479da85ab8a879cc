resource "aws_rds_global_cluster" "payments" {
  global_cluster_identifier = "payments-global"
  engine                    = "aurora-postgresql"
}

resource "aws_rds_cluster" "payments_primary" {
  cluster_identifier        = "payments-eu-west-1"
  global_cluster_identifier = aws_rds_global_cluster.payments.id
  engine                    = "aurora-postgresql"
  deletion_protection       = true
}

resource "aws_rds_cluster" "payments_secondary" {
  provider                  = aws.dr
  cluster_identifier        = "payments-eu-central-1"
  global_cluster_identifier = aws_rds_global_cluster.payments.id
  engine                    = "aurora-postgresql"
}
