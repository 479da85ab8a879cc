# price-cache: Redis in cluster mode in front of pricing, two shards with
# two replicas each, spread over the zones with automatic failover.
# Encrypted at rest and in transit. Every entry can be rebuilt from
# pricing, so one day of snapshots is enough to warm a new cluster.
resource "aws_elasticache_replication_group" "prices" {
  replication_group_id = "price-cache"
  description          = "orders: prices and tax rates by SKU"

  engine               = "redis"
  engine_version       = "7.1"
  parameter_group_name = "default.redis7.cluster.on"
  node_type            = "cache.m7g.large"

  num_node_groups            = 2
  replicas_per_node_group    = 2
  automatic_failover_enabled = true
  multi_az_enabled           = true
  subnet_group_name          = "storefront-cache-euw1"

  at_rest_encryption_enabled = true
  transit_encryption_enabled = true

  snapshot_retention_limit = 1
  snapshot_window          = "04:00-05:00"
  maintenance_window       = "tue:05:30-tue:06:30"
}
