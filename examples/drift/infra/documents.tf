# The legal copies of issued invoices. Encrypted; whether old versions are
# kept depends on a variable, which archvet does not evaluate.
resource "aws_s3_bucket" "documents" {
  bucket = "invoice-documents"
}

resource "aws_s3_bucket_versioning" "documents" {
  bucket = aws_s3_bucket.documents.id
  versioning_configuration {
    status = var.documents_versioning
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "documents" {
  bucket = aws_s3_bucket.documents.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}
