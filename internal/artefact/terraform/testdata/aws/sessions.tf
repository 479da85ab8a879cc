resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "checkout-sessions"
  description                = "session cache"
  engine                     = "redis"
  node_type                  = "cache.r7g.large"
  num_cache_clusters         = 3
  automatic_failover_enabled = true
  multi_az_enabled           = true
  at_rest_encryption_enabled = true
  snapshot_retention_limit   = 0
}

resource "aws_rds_cluster" "ledger" {
  cluster_identifier      = "ledger"
  engine                  = "aurora-postgresql"
  backup_retention_period = 7
  storage_encrypted       = true
}

resource "aws_rds_cluster_instance" "ledger" {
  count              = 2
  cluster_identifier = aws_rds_cluster.ledger.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.ledger.engine
}
