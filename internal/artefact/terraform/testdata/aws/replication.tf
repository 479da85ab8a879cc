resource "aws_s3_bucket" "ledger_exports" {
  bucket = "ledger-exports"
}

resource "aws_s3_bucket" "ledger_exports_dr" {
  provider = aws.dr
  bucket   = "ledger-exports-dr"
}

resource "aws_s3_bucket_replication_configuration" "ledger_exports" {
  bucket = aws_s3_bucket.ledger_exports.id
  role   = aws_iam_role.replication.arn

  rule {
    id     = "everything"
    status = "Enabled"
    destination {
      bucket        = aws_s3_bucket.ledger_exports_dr.arn
      storage_class = "STANDARD_IA"
    }
  }
}

resource "aws_sqs_queue" "refunds" {
  name = "refunds"
}

resource "aws_sqs_queue_redrive_policy" "refunds" {
  queue_url = aws_sqs_queue.refunds.id
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.payments_dlq.arn
    maxReceiveCount     = 4
  })
}

resource "aws_elasticache_replication_group" "rates" {
  replication_group_id        = "rates-secondary"
  description                 = "exchange rates, secondary of the global datastore"
  global_replication_group_id = aws_elasticache_global_replication_group.rates.global_replication_group_id
  replicas_per_node_group     = 1
}

resource "aws_db_instance" "reporting" {
  provider                = aws.reporting
  identifier              = "reporting"
  backup_retention_period = 0
}

resource "aws_db_instance" "reporting_replica" {
  identifier          = "reporting-replica"
  replicate_source_db = aws_db_instance.reporting.identifier
}

resource "aws_sqs_queue" "legacy" {
  name           = "legacy"
  redrive_policy = <<POLICY
{
  "deadLetterTargetArn": "${aws_sqs_queue.payments_dlq.arn}",
  "maxReceiveCount": 3
}
POLICY
}
