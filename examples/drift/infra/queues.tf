# Invoice requests from checkout. The dead-letter queue exists, but the
# request queue was never given a redrive policy, so nothing reaches it.
resource "aws_sqs_queue" "requests" {
  name                       = "invoice-requests"
  visibility_timeout_seconds = 60
  message_retention_seconds  = 345600
  sqs_managed_sse_enabled    = true
}

resource "aws_sqs_queue" "requests_dlq" {
  name                      = "invoice-requests-dlq"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
}
