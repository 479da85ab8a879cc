resource "aws_sqs_queue" "payments" {
  name                       = "payments-events"
  visibility_timeout_seconds = 60
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.payments_dlq.arn
    maxReceiveCount     = 5
  })
}

resource "aws_sqs_queue" "payments_dlq" {
  name                      = "payments-events-dlq"
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "emails" {
  name           = "emails"
  redrive_policy = "{\"deadLetterTargetArn\":\"arn:aws:sqs:eu-west-1:123456789012:emails-dlq\",\"maxReceiveCount\":3}"
}
