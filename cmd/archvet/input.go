package main

import (
	"errors"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/archvet/archvet/internal/bundle"
	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/internal/schema"
)

func newInputCommand() *cobra.Command {
	var evidence, artefacts bool
	cmd := &cobra.Command{
		Use:   "input FILE",
		Short: "Print a design review as the JSON input the policies see, for plain OPA",
		Long: `Print a design review (YAML, HCL or Markdown) as the JSON document archvet's
policies evaluate: decoded, with its imports merged, validated, and with
the _evidence archvet finds next to it (the documents it cites) and the
_artefacts it reads from the repository (Terraform, Kubernetes manifests,
OpenAPI specs), with the fields they derive filled in. Hand it to
opa eval -i, an OPA server or conftest with the bundle from archvet bundle
to get archvet's answers; only waivers need archvet itself.`,
		Example: `  archvet input design.hcl > design.json
  opa eval -b archvet-bundle.tar.gz -i design.json 'data.archvet.engine.failed'`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := args[0]
			src, err := os.ReadFile(path)
			if err != nil {
				var pe *fs.PathError
				if errors.As(err, &pe) {
					err = pe.Err
				}
				return reportDiagnostics(cmd.ErrOrStderr(), diag.Diagnostics{diag.Errorf(&diag.Range{Filename: path}, "cannot read the file: %v", err)})
			}
			sch, err := schema.Load()
			if err != nil {
				return err
			}
			out, ds := bundle.Input(path, src, sch, bundle.InputOptions{Evidence: evidence, Artefacts: artefacts})
			if err := reportDiagnostics(cmd.ErrOrStderr(), ds); err != nil {
				return err
			}
			_, err = cmd.OutOrStdout().Write(out)
			return err
		},
	}
	cmd.Flags().BoolVar(&artefacts, "artefacts", true, "include the _artefacts field (the facts of the Terraform, manifests and API specs beside the review) and the fields they derive")
	cmd.Flags().BoolVar(&evidence, "evidence", true, "include the _evidence field (set --evidence=false for the review alone)")
	return cmd
}
