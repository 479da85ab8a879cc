resource "aws_s3_bucket" "receipts" {
  bucket = "checkout-receipts"
}

resource "aws_s3_bucket_versioning" "receipts" {
  bucket = aws_s3_bucket.receipts.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "receipts" {
  bucket = aws_s3_bucket.receipts.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.orders.arn
    }
  }
}

resource "aws_s3_bucket" "exports" {
  bucket = "checkout-exports"
}

resource "aws_s3_bucket_versioning" "exports_by_name" {
  bucket = "checkout-exports"
  versioning_configuration {
    status = "Suspended"
  }
}

resource "aws_dynamodb_table" "carts" {
  name         = "carts"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "cart_id"

  attribute {
    name = "cart_id"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }

  replica {
    region_name = "eu-central-1"
  }

  deletion_protection_enabled = true
}
