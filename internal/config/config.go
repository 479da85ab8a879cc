// Package config reads .archvet.yaml: how an organisation adapts the
// checklist (its own policies, frameworks and rules switched off,
// severities, gate thresholds and per-tier profiles).
package config

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/internal/document"
	"github.com/archvet/archvet/internal/regularfile"
	"github.com/archvet/archvet/internal/schema"
)

// FileName is the configuration file archvet looks for.
const FileName = ".archvet.yaml"

// MaxFileSize bounds what is read of a configuration file; real ones are
// a few hundred bytes.
const MaxFileSize = 1 << 20

//go:embed config.schema.yaml
var schemaSource []byte

// Schema compiles the configuration schema; unknown keys are errors.
func Schema() (*schema.Schema, error) {
	return schema.Compile("https://archvet.dev/schema/config-v1.json", schemaSource, true)
}

// Gate holds optional gate settings; nil means "not set here".
type Gate struct {
	FailOn           *string  `json:"fail_on"`
	FailOnUnanswered *string  `json:"fail_on_unanswered"`
	MinScore         *float64 `json:"min_score"`
	MinCompleteness  *float64 `json:"min_completeness"`
	// RequireVerified lists claim categories whose claims must be
	// verified by an artefact (gate.require_verified); nil is not set,
	// an empty list requires none.
	RequireVerified *[]string `json:"require_verified"`
}

// Rules holds per-rule settings.
type Rules struct {
	Disable  []string          `json:"disable"`
	Enable   []string          `json:"enable"`
	Severity map[string]string `json:"severity"`
}

// Profile is what a tier adds to the top-level settings.
type Profile struct {
	Gate  Gate  `json:"gate"`
	Rules Rules `json:"rules"`
}

// Config is a parsed .archvet.yaml. The zero value is "no configuration".
type Config struct {
	// Path is the file it was read from, empty when none was found.
	Path       string
	Policies   []string `json:"policies"`
	Frameworks struct {
		Disable []string `json:"disable"`
	} `json:"frameworks"`
	// Exclude holds gitignore-style patterns, relative to the file's
	// directory, of paths a directory walk skips.
	Exclude []string           `json:"exclude"`
	Rules   Rules              `json:"rules"`
	Gate    Gate               `json:"gate"`
	Tiers   map[string]Profile `json:"tiers"`
	// Params overrides rule thresholds: rule id, parameter name, value.
	Params map[string]map[string]any `json:"params"`
	// Waivers limits the waivers design reviews may declare.
	Waivers WaiverLimits `json:"waivers"`
	// doc keeps positions for reporting problems found after parsing,
	// such as a rule id that does not exist.
	doc *document.Document
}

// Load reads and validates a configuration file. Every problem comes back
// as a diagnostic with its position.
func Load(path string) (*Config, diag.Diagnostics) {
	// A FIFO, a device or a huge file committed as .archvet.yaml must
	// not block or exhaust the run: regular files only, read bounded.
	src, err := regularfile.Read(path, MaxFileSize)
	if err != nil {
		var pe *fs.PathError
		var big *regularfile.TooBigError
		switch {
		case errors.As(err, &big):
			return nil, diag.Diagnostics{diag.Errorf(&diag.Range{Filename: path}, "the configuration file is %d bytes, over the %d-byte limit for a configuration file", big.Size, big.Limit)}
		case errors.As(err, &pe):
			err = pe.Err
		}
		return nil, diag.Diagnostics{diag.Errorf(&diag.Range{Filename: path}, "cannot read the configuration: %v", err)}
	}
	doc, ds := document.LoadYAML(path, src)
	ds = reword(ds)
	if ds.HasErrors() {
		return nil, ds
	}
	sch, err := Schema()
	if err != nil {
		return nil, diag.Diagnostics{diag.Errorf(nil, "%v", err)}
	}
	if vs := sch.Validate(doc); vs.HasErrors() {
		return nil, vs
	}
	// The schema has vouched for every type, so decoding through JSON
	// cannot fail on shape.
	b, err := json.Marshal(doc.Value)
	if err != nil {
		return nil, diag.Diagnostics{diag.Errorf(&diag.Range{Filename: path}, "%v", err)}
	}
	cfg := &Config{}
	if err := json.Unmarshal(b, cfg); err != nil {
		return nil, diag.Diagnostics{diag.Errorf(&diag.Range{Filename: path}, "%v", err)}
	}
	cfg.Path, cfg.doc = path, doc
	base := filepath.Dir(path)
	for i, p := range cfg.Policies {
		if !filepath.IsAbs(p) {
			cfg.Policies[i] = filepath.Join(base, p)
		}
	}
	return cfg, nil
}

// reword words the YAML loader's messages, written for design reviews,
// for a configuration file ("empty configuration file", "the top level
// of a configuration file must be a mapping").
func reword(ds diag.Diagnostics) diag.Diagnostics {
	for i := range ds {
		ds[i].Summary = strings.ReplaceAll(ds[i].Summary, "design review", "configuration file")
		ds[i].Detail = strings.ReplaceAll(ds[i].Detail, "design review", "configuration file")
	}
	return ds
}

// At returns the position of a logical path in the configuration file.
func (c *Config) At(path string) *diag.Range {
	if c == nil || c.doc == nil {
		return nil
	}
	r, _, ok := c.doc.Index.Resolve(path)
	if !ok {
		return &diag.Range{Filename: c.Path}
	}
	return &r
}

// Profile returns the tier's profile, if the configuration has one.
func (c *Config) Profile(tier int) (Profile, bool) {
	if c == nil {
		return Profile{}, false
	}
	p, ok := c.Tiers[strconv.Itoa(tier)]
	return p, ok
}

// Describe names the file for messages.
func (c *Config) Describe() string {
	if c == nil || c.Path == "" {
		return "no configuration file"
	}
	return fmt.Sprintf("configuration %s", c.Path)
}
