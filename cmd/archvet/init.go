package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/spf13/cobra"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/atomicfile"
	"github.com/archvet/archvet/internal/document"
	"github.com/archvet/archvet/internal/scaffold"
)

type initOptions struct {
	format string
	tier   int
	name   string
	owner  string
	force  bool
	// from is the directory a draft is made from (--from).
	from string
}

func newInitCommand() *cobra.Command {
	var o initOptions
	cmd := &cobra.Command{
		Use:   "init [FILE]",
		Short: "Write a starter design review",
		Long: `Write a starter design review with every section of the format, each field
commented with what it means and which rules read it. Only the service's
name, owner and tier are set, so ` + "`archvet check`" + ` on the new file lists
exactly what the team still has to decide.

FILE defaults to design.yaml, design.hcl or design.md by --format; its
extension picks the format when --format is not given. --format md writes a
design-doc skeleton with the review in its YAML front matter. An existing
file is never overwritten unless --force is given.

--from DIR drafts the review from what DIR holds instead: a Backstage
catalog-info.yaml, a Score workload, OpenSLO objectives, Terraform (infra/,
terraform/), Kubernetes manifests (deploy/, k8s/, manifests/), OpenAPI specs,
CI configuration, the Dockerfile and dependency manifest, dashboards, and
the documents under docs/ (runbooks, a threat model, recovery and capacity
plans, with the RTO, RPO and dates they state). Each field it fills carries a comment naming the file and
line it came from; only what no file answers is left commented out, for the
team to decide. The draft is written as YAML or Markdown (FILE defaults to
DIR/design.yaml) and never replaces a file, --force or not.`,
		Example: `  archvet init --name checkout --tier 0
  archvet init --format md --name checkout docs/checkout-design.md
  archvet init --from services/checkout --tier 0`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runInit(cmd, o, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "", "write `FORMAT`: yaml, hcl or md (default: from FILE's extension, else yaml)")
	f.IntVar(&o.tier, "tier", 2, "the service's `TIER`: 0 business-critical to 3 prototype")
	f.StringVar(&o.name, "name", "", "the service's `NAME` (default: the name of FILE's directory)")
	f.StringVar(&o.owner, "owner", "", "the `TEAM` that owns the service (default: team-NAME)")
	f.BoolVar(&o.force, "force", false, "replace FILE if it exists")
	f.StringVar(&o.from, "from", "", "draft the review from the Backstage, Score, OpenSLO, Terraform, Kubernetes and OpenAPI files in `DIR`")
	return cmd
}

// parseFormat reads a design-review format flag (init --format,
// check --stdin-format).
func parseFormat(flag, s string) (document.Format, error) {
	switch strings.ToLower(s) {
	case "yaml", "yml":
		return document.YAML, nil
	case "hcl":
		return document.HCL, nil
	case "md", "markdown":
		return document.Markdown, nil
	}
	return "", usageError("%s: want yaml, hcl or md, got %q", flag, s)
}

func runInit(cmd *cobra.Command, o initOptions, args []string) error {
	format := document.YAML
	if o.format != "" {
		f, err := parseFormat("--format", o.format)
		if err != nil {
			return err
		}
		format = f
	}
	file := scaffold.DefaultFile(format)
	if o.from != "" {
		if o.force {
			return usageError("--from never replaces a file; leave out --force, or name another FILE")
		}
		if format == document.HCL {
			return usageError("--from writes YAML or Markdown; use --format yaml or md")
		}
		file = filepath.Join(o.from, file)
	}
	if len(args) == 1 {
		file = args[0]
		ext, ok := document.FormatOf(file)
		switch {
		case !ok:
			return usageError("%s: a design review is a .yaml, .yml, .hcl or .md file", file)
		case o.format == "":
			format = ext
		case ext != format:
			return usageError("%s is not a %s file name; drop --format or change the extension", file, o.format)
		}
	}
	if o.tier < 0 || o.tier > 3 {
		return usageError("--tier must be 0, 1, 2 or 3")
	}
	if o.from != "" {
		if format == document.HCL {
			return usageError("--from writes YAML or Markdown, not %s", file)
		}
		return runInitFrom(cmd, o, format, file)
	}
	name := o.name
	if name == "" {
		name = serviceNameFor(file)
	}
	if strings.TrimSpace(name) == "" || strings.ContainsAny(name, "\n\r") {
		return usageError("--name: want a service name on one line")
	}
	owner := o.owner
	if owner == "" {
		owner = "team-" + kebab(name)
	}
	if strings.TrimSpace(owner) == "" || strings.ContainsAny(owner, "\n\r") {
		return usageError("--owner: want a team name on one line")
	}

	if info, err := os.Lstat(file); err == nil {
		if !o.force {
			return usageError("%s already exists; archvet init never overwrites a file (use --force to replace it)", file)
		}
		if !info.Mode().IsRegular() {
			return usageError("%s exists and is not a regular file; not replacing it", file)
		}
	}

	cat, err := loadCatalogue(cmd.ErrOrStderr())
	if err != nil {
		return err
	}
	readers, err := scaffold.Readers(cat)
	if err != nil {
		return err
	}
	out, err := scaffold.Render(scaffold.Options{
		Format: format, Name: name, Owner: owner, Tier: o.tier, File: filepath.Base(file), Readers: readers,
	})
	if err != nil {
		return err
	}
	if dir := filepath.Dir(file); dir != "." {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return &exitError{code: exitBadInput, err: err}
		}
	}
	if o.force {
		err = atomicfile.Write(file, out, 0o644)
	} else {
		err = atomicfile.WriteNew(file, out, 0o644)
	}
	if errors.Is(err, fs.ErrExist) {
		return usageError("%s already exists; archvet init never overwrites a file (use --force to replace it)", file)
	}
	if err != nil {
		return &exitError{code: exitBadInput, err: fmt.Errorf("writing %s: %w", file, err)}
	}
	fmt.Fprintf(cmd.OutOrStdout(), "wrote %s: the design review of %s (tier %d, owned by %s)\n", file, name, o.tier, owner)
	fmt.Fprintf(cmd.OutOrStdout(), "next: fill in the commented fields, then run `archvet check %s`\n", file)
	return nil
}

// serviceNameFor guesses a service name from the directory the review is
// written to: a repository is usually named after its service.
func serviceNameFor(file string) string {
	abs, err := filepath.Abs(file)
	if err != nil {
		return "my-service"
	}
	if s := kebab(filepath.Base(filepath.Dir(abs))); s != "" {
		return s
	}
	return "my-service"
}

// kebab lower-cases s and turns each run of other characters than letters
// and digits into one dash.
func kebab(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), "-")
}

// runInitFrom writes a draft made from the files in o.from.
func runInitFrom(cmd *cobra.Command, o initOptions, format document.Format, file string) error {
	if o.tier < 0 || o.tier > 3 {
		return usageError("--tier must be 0, 1, 2 or 3")
	}
	if strings.ContainsAny(o.name+o.owner, "\n\r") {
		return usageError("--name and --owner: want one line each")
	}
	if _, err := os.Lstat(file); err == nil {
		return usageError("%s already exists; archvet init never overwrites a file (name another FILE)", file)
	}
	draft, ds := scaffold.FromDir(scaffold.FromOptions{Dir: o.from, File: file, Name: o.name, Owner: o.owner, Tier: o.tier, Read: checks.DefaultArtefactReader})
	if err := reportDiagnostics(cmd.ErrOrStderr(), ds); err != nil {
		return err
	}
	cat, err := loadCatalogue(cmd.ErrOrStderr())
	if err != nil {
		return err
	}
	readers, err := scaffold.Readers(cat)
	if err != nil {
		return err
	}
	name, _ := draft.Value["service"].(map[string]any)["name"].(string)
	owner, _ := draft.Value["service"].(map[string]any)["owner"].(string)
	out, err := scaffold.RenderDraft(scaffold.Options{Format: format, Name: name, Owner: owner, Tier: o.tier, File: filepath.Base(file), Readers: readers}, draft)
	if err != nil {
		return err
	}
	if dir := filepath.Dir(file); dir != "." {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return &exitError{code: exitBadInput, err: err}
		}
	}
	err = atomicfile.WriteNew(file, out, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return usageError("%s already exists; archvet init never overwrites a file (name another FILE)", file)
	}
	if err != nil {
		return &exitError{code: exitBadInput, err: fmt.Errorf("writing %s: %w", file, err)}
	}
	fmt.Fprintf(cmd.OutOrStdout(), "wrote %s: a draft of %s's design review from %d fields found in %s\n", file, name, len(draft.Sources), o.from)
	fmt.Fprintf(cmd.OutOrStdout(), "next: check the filled fields, answer the commented ones, then run `archvet check %s`\n", file)
	return nil
}
