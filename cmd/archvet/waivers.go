package main

import (
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/config"
)

// registerWaiverFlags adds the waiver audit and look-ahead flags to check.
func registerWaiverFlags(f *pflag.FlagSet, o *checkOptions) {
	f.BoolVar(&o.strictWaivers, "strict-waivers", false, "fail the gate when a waiver matches no finding (a stale waiver)")
	f.StringVar(&o.warnWithin, "warn-within", "", "also warn about what will start failing within this `PERIOD` (e.g. 60d, 8w): restore tests, load tests, game days and revisit dates ageing out, waivers expiring")
}

// applyWaiverOptions sets the checker's waiver policy from the
// configuration and the flags.
func (o checkOptions) applyWaiverOptions(c *checks.Checker, cfg *config.Config) error {
	policy := cfg.WaiverPolicy()
	policy.Strict = o.strictWaivers
	c.Waivers = &policy
	if o.warnWithin == "" {
		return nil
	}
	d, err := parsePeriod(o.warnWithin)
	if err != nil {
		return usageError("--warn-within: %v", err)
	}
	c.LookAhead = d
	return nil
}

// parsePeriod reads a number of days ("60d"), weeks ("8w") or a Go
// duration of whole days ("1440h").
func parsePeriod(s string) (time.Duration, error) {
	bad := usageError("want a period such as 30d or 8w (1 to 3660 days), got %q", s)
	var days int
	switch {
	case strings.HasSuffix(s, "d"), strings.HasSuffix(s, "w"):
		n, err := strconv.Atoi(s[:len(s)-1])
		if err != nil {
			return 0, bad
		}
		days = n
		if strings.HasSuffix(s, "w") {
			days = 7 * n
		}
	default:
		d, err := time.ParseDuration(s)
		if err != nil {
			return 0, bad
		}
		days = int(d.Hours() / 24)
	}
	if days < 1 || days > 3660 {
		return 0, bad
	}
	return time.Duration(days) * 24 * time.Hour, nil
}
