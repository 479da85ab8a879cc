package main

import (
	"github.com/spf13/cobra"

	"github.com/archvet/archvet/internal/schema"
)

func newSchemaCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of the design-review format",
		Long:  "Print the JSON Schema of the design-review format, for editors: save it and point the yaml-language-server modeline at it.",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := schema.Load()
			if err != nil {
				return err
			}
			_, err = cmd.OutOrStdout().Write(s.JSON())
			return err
		},
	}
}
