package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/archvet/archvet/internal/version"
)

func newVersionCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print archvet's version",
		Long: `Print archvet's version, as --version does: the module version of an
archvet installed with "go install github.com/archvet/archvet/cmd/archvet@vX",
or "dev" and the commit for a build from a clone. SARIF reports name the
same version for their driver, and bundles carry it as their revision.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintf(cmd.OutOrStdout(), "archvet version %s\n", version.String())
			return err
		},
	}
}
