# Checkout's on-call: a weekly rotation around the clock, and pages that
# nobody acknowledges in 10 minutes go to the storefront lead.
resource "pagerduty_schedule" "checkout" {
  name      = "checkout-primary"
  time_zone = "Europe/Dublin"

  layer {
    name                         = "weekly"
    start                        = "2026-01-05T09:00:00+00:00"
    rotation_virtual_start       = "2026-01-05T09:00:00+00:00"
    rotation_turn_length_seconds = 604800
    users                        = ["PABC123", "PDEF456", "PGHI789", "PJKL012"]
  }
}

resource "pagerduty_escalation_policy" "checkout" {
  name      = "checkout"
  num_loops = 2

  rule {
    escalation_delay_in_minutes = 10
    target {
      type = "schedule_reference"
      id   = pagerduty_schedule.checkout.id
    }
  }

  rule {
    escalation_delay_in_minutes = 10
    target {
      type = "user_reference"
      id   = "PLEAD01"
    }
  }
}
