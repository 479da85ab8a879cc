package main

import (
	"github.com/spf13/cobra"

	"github.com/archvet/archvet/internal/config"
	"github.com/archvet/archvet/internal/schema"
)

func newSchemaCommand() *cobra.Command {
	var forConfig bool
	cmd := &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of the design-review format",
		Long:  "Print the JSON Schema of the design-review format, for editors: save it and point the yaml-language-server modeline at it. With --config, print the schema of .archvet.yaml instead.",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			load := schema.Load
			if forConfig {
				load = config.Schema
			}
			s, err := load()
			if err != nil {
				return err
			}
			_, err = cmd.OutOrStdout().Write(s.JSON())
			return err
		},
	}
	cmd.Flags().BoolVar(&forConfig, "config", false, "print the schema of the configuration file .archvet.yaml")
	return cmd
}
