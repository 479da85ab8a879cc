package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/config"
	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/rules"
)

// policySource says where a command's catalogue comes from: the built-in
// policies, the organisation's own (--policy, repeatable, and `policies`
// in the configuration file), adjusted by the configuration.
type policySource struct {
	dirs       []string
	configPath string
}

func (s *policySource) register(f *pflag.FlagSet) {
	f.StringArrayVar(&s.dirs, "policy", nil, "add the Rego rules in `DIR` to the catalogue (repeatable)")
	f.StringVar(&s.configPath, "config", "", "read configuration from `FILE` (default: the nearest .archvet.yaml, up to the repository root)")
}

// loadConfig finds and reads the configuration; no file is no error.
func (s policySource) loadConfig(stderr io.Writer) (*config.Config, error) {
	path := s.configPath
	if path == "" {
		found, ok := config.Find(".")
		if !ok {
			return nil, nil
		}
		path = found
	}
	cfg, ds := config.Load(path)
	if err := reportDiagnostics(stderr, ds); err != nil {
		return nil, err
	}
	return cfg, nil
}

// load reads the catalogue, tests included, and applies the
// configuration to it.
func (s policySource) load(stderr io.Writer) (*rules.Catalogue, *config.Config, error) {
	return s.read(stderr, true)
}

// read reads the catalogue and applies the configuration to it. The
// policies' tests are read only when asked for: a check never runs them,
// and they are a third of the Rego a run would otherwise parse.
func (s policySource) read(stderr io.Writer, tests bool) (*rules.Catalogue, *config.Config, error) {
	cfg, err := s.loadConfig(stderr)
	if err != nil {
		return nil, nil, err
	}
	cat, err := s.readWith(stderr, cfg, config.Selection{}, tests)
	return cat, cfg, err
}

// readWith reads the catalogue and applies a configuration and a rule
// selection to it.
func (s policySource) readWith(stderr io.Writer, cfg *config.Config, sel config.Selection, tests bool) (*rules.Catalogue, error) {
	sources, err := rules.BuiltinSources()
	if err != nil {
		return nil, &exitError{code: exitBadInput, err: fmt.Errorf("reading built-in policies: %w", err)}
	}
	dirs := append([]string{}, s.dirs...)
	if cfg != nil {
		dirs = append(dirs, cfg.Policies...)
	}
	for _, dir := range dirs {
		info, err := os.Stat(dir)
		if err != nil || !info.IsDir() {
			return nil, usageError("policy directory %s: not a readable directory", dir)
		}
		custom, err := rules.ReadFS(os.DirFS(dir), false, dir)
		if err != nil {
			return nil, &exitError{code: exitBadInput, err: fmt.Errorf("reading policies in %s: %w", dir, err)}
		}
		sources = append(sources, custom...)
	}
	if !tests {
		sources = slices.DeleteFunc(sources, func(src rules.Source) bool { return strings.HasSuffix(src.Path, "_test.rego") })
	}
	cat, ds := rules.Parse(sources)
	if err := reportDiagnostics(stderr, ds); err != nil {
		return nil, err
	}
	if err := sel.Check(cat); err != nil {
		return nil, &exitError{code: exitBadInput, err: err}
	}
	if err := reportDiagnostics(stderr, cfg.ApplyToCatalogue(cat)); err != nil {
		return nil, err
	}
	sel.Apply(cat)
	return cat, nil
}

// compile loads the catalogue, without its tests, and compiles it into
// an engine.
func (s policySource) compile(ctx context.Context, stderr io.Writer, opts checks.Options) (*checks.Engine, *config.Config, error) {
	cat, cfg, err := s.read(stderr, false)
	if err != nil {
		return nil, nil, err
	}
	params, ds := cat.ParamData(cfg.ParamOverrides())
	if err := reportDiagnostics(stderr, ds); err != nil {
		return nil, nil, err
	}
	opts.Params = params
	engine, ds := checks.Compile(ctx, cat, opts)
	if err := reportDiagnostics(stderr, ds); err != nil {
		return nil, nil, err
	}
	return engine, cfg, nil
}

// compileWith compiles the catalogue as a configuration and a rule
// selection adjust it, without its tests.
func (s policySource) compileWith(ctx context.Context, stderr io.Writer, cfg *config.Config, sel config.Selection, opts checks.Options) (*checks.Engine, error) {
	cat, err := s.readWith(stderr, cfg, sel, false)
	if err != nil {
		return nil, err
	}
	// The configuration's parameter values, checked against the rules'
	// declarations: an unknown parameter or a wrong type is an error at
	// its line.
	params, ds := cat.ParamData(cfg.ParamOverrides())
	if err := reportDiagnostics(stderr, ds); err != nil {
		return nil, err
	}
	opts.Params = params
	engine, ds := checks.Compile(ctx, cat, opts)
	if err := reportDiagnostics(stderr, ds); err != nil {
		return nil, err
	}
	return engine, nil
}

// loadCatalogue reads the default catalogue: built-in policies plus what
// the configuration file found from the working directory adds.
func loadCatalogue(stderr io.Writer) (*rules.Catalogue, error) {
	cat, _, err := policySource{}.load(stderr)
	return cat, err
}

func reportDiagnostics(w io.Writer, ds diag.Diagnostics) error {
	for _, d := range ds {
		fmt.Fprintln(w, d.Error())
	}
	if ds.HasErrors() {
		return &exitError{code: exitBadInput}
	}
	return nil
}
