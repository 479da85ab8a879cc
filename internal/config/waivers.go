package config

import (
	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/rules"
)

// WaiverLimits is the `waivers:` section: how long a waiver may run per
// severity, and how early its expiry is announced. Nil means "not set
// here", so the defaults apply.
type WaiverLimits struct {
	MaxDays        map[string]int `json:"max_days"`
	WarnWithinDays *int           `json:"warn_within_days"`
}

// WaiverPolicy is the policy checks enforces: the defaults, with what the
// file sets in their place.
func (c *Config) WaiverPolicy() checks.WaiverPolicy {
	p := checks.DefaultWaiverPolicy()
	if c == nil {
		return p
	}
	for name, days := range c.Waivers.MaxDays {
		if sev, err := rules.ParseSeverity(name); err == nil {
			p.MaxDays[sev] = days
		}
	}
	if c.Waivers.WarnWithinDays != nil {
		p.WarnWithinDays = *c.Waivers.WarnWithinDays
	}
	return p
}
