# price-cache: Redis in front of pricing. Three nodes over three zones
# with automatic failover; encrypted at rest and in transit. It holds no
# source data, so snapshots are kept for a day only.
resource "aws_elasticache_subnet_group" "prices" {
  name       = "price-cache"
  subnet_ids = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002", "subnet-0a1b2c3d4e5f60003"]
}

resource "aws_elasticache_replication_group" "prices" {
  replication_group_id = "price-cache"
  description          = "orders price cache"
  engine               = "redis"
  engine_version       = "7.1"
  node_type            = "cache.r7g.large"
  port                 = 6379

  num_cache_clusters         = 3
  automatic_failover_enabled = true
  multi_az_enabled           = true
  subnet_group_name          = aws_elasticache_subnet_group.prices.name

  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  snapshot_retention_limit   = 1

  tags = local.tags
}
