# Checkout's monthly budget: the owning team is mailed at 80% of the
# forecast and at 100% of the actual spend.
resource "aws_budgets_budget" "checkout" {
  name         = "checkout-monthly"
  budget_type  = "COST"
  limit_amount = "18000"
  limit_unit   = "USD"
  time_unit    = "MONTHLY"

  cost_filter {
    name   = "TagKeyValue"
    values = ["user:service$checkout"]
  }

  notification {
    comparison_operator        = "GREATER_THAN"
    threshold                  = 80
    threshold_type             = "PERCENTAGE"
    notification_type          = "FORECASTED"
    subscriber_email_addresses = ["team-checkout@shop.example.com"]
  }

  notification {
    comparison_operator        = "GREATER_THAN"
    threshold                  = 100
    threshold_type             = "PERCENTAGE"
    notification_type          = "ACTUAL"
    subscriber_email_addresses = ["team-checkout@shop.example.com"]
  }
}
