package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/archvet/archvet/internal/version"
)

// Exit codes, the contract CI relies on.
const (
	exitOK        = 0
	exitGateFail  = 1
	exitBadInput  = 2
	exitInterrupt = 130
)

// exitError carries an exit code out of a command. Its message, if any, has
// already been printed or is printed by run.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

// usageError marks errors that are the user's invocation, for exit code 2.
func usageError(format string, args ...any) error {
	return &exitError{code: exitBadInput, err: fmt.Errorf(format, args...)}
}

func newRootCommand(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:           "archvet",
		Short:         "Vet a software architecture the way a linter vets code",
		Long:          "archvet checks a service's design review (YAML, HCL or Markdown front matter) against the Twelve-Factor App, AWS Well-Architected, IDEALS and production-readiness checklists, written as OPA policies.",
		Version:       version.String(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return &exitError{code: exitBadInput, err: err}
	})
	root.AddCommand(
		newCheckCommand(),
		newBaselineCommand(),
		newSchemaCommand(),
		newRulesCommand(),
		newExplainCommand(),
		newInitCommand(),
		newADRCommand(),
		newBundleCommand(),
		newTestCommand(),
		newNewCommand(),
		newInputCommand(),
		newClaimsCommand(),
		newGraphCommand(),
		newVersionCommand(),
	)
	return root
}

// run executes archvet without an interrupt signal to watch, as the tests
// do in-process.
func run(args []string, stdout, stderr io.Writer) int {
	return runContext(context.Background(), args, stdout, stderr)
}

// runContext executes archvet and returns its exit code; main only calls
// os.Exit. ctx is cancelled on SIGINT or SIGTERM: commands stop starting
// new work, write no report, and the run exits 130 whatever it was doing.
func runContext(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	root := newRootCommand(stdout, stderr)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if ctx.Err() != nil {
		fmt.Fprintln(stderr, "archvet: interrupted")
		return exitInterrupt
	}
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintln(stderr, "archvet:", ee.err)
		}
		return ee.code
	}
	fmt.Fprintln(stderr, "archvet:", err)
	return exitBadInput
}
