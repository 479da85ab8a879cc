package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/archvet/archvet/internal/policytest"
	"github.com/archvet/archvet/rules"
)

func newTestCommand() *cobra.Command {
	var src policySource
	var opts policytest.Options
	var verbose bool
	cmd := &cobra.Command{
		Use:   "test [DIR...]",
		Short: "Run the Rego unit tests of the policies",
		Long: `Run the Rego unit tests (the *_test.rego files) of the catalogue through
OPA's tester, with the builtins archvet allows policies.

With DIRs, their policies join the catalogue and only their tests run; the
built-in policies are still loaded, since custom rules use their helpers.
Without DIRs, every test runs: the built-in ones and those of --policy
directories and the configuration's policies.

Exit codes: 0 every test passed, 1 a test failed or raised an error, 2 a
policy does not parse or compile, its metadata is incomplete, or no test
matched.`,
		Example: `  archvet test policies/acme
  archvet test --run 'approved_engines' policies/acme`,
		RunE: func(cmd *cobra.Command, args []string) error {
			only, err := testFiles(args)
			if err != nil {
				return err
			}
			src.dirs = append(append([]string{}, args...), src.dirs...)
			if cfg, err := src.loadConfig(io.Discard); err == nil && cfg != nil {
				src.dirs = withoutDirs(src.dirs, cfg.Policies)
			}
			cat, _, err := src.load(cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			opts.Only = only
			sum, ds := policytest.Run(cmd.Context(), cat, opts)
			if err := reportDiagnostics(cmd.ErrOrStderr(), ds); err != nil {
				return err
			}
			return writeTestSummary(cmd.OutOrStdout(), sum, verbose)
		},
	}
	src.register(cmd.Flags())
	cmd.Flags().StringVar(&opts.Run, "run", "", "only run tests whose package.name matches `REGEX`")
	cmd.Flags().DurationVar(&opts.Timeout, "timeout", policytest.DefaultTimeout, "stop one test after this `DURATION`")
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "list passing tests too")
	return cmd
}

// testFiles lists the test files in dirs, named as the catalogue names
// them; nil means every test.
func testFiles(dirs []string) (map[string]bool, error) {
	if len(dirs) == 0 {
		return nil, nil
	}
	only := map[string]bool{}
	for _, dir := range dirs {
		info, err := os.Stat(dir)
		if err != nil || !info.IsDir() {
			return nil, usageError("test: %s is not a readable directory", dir)
		}
		srcs, err := rules.ReadFS(os.DirFS(dir), false, dir)
		if err != nil {
			return nil, usageError("test: reading %s: %v", dir, err)
		}
		for _, s := range srcs {
			if strings.HasSuffix(s.Path, "_test.rego") {
				only[s.Path] = true
			}
		}
	}
	return only, nil
}

// withoutDirs drops from dirs those the configuration adds anyway, so a
// directory named both ways is not read twice.
func withoutDirs(dirs, configured []string) []string {
	same := func(a, b string) bool {
		x, err1 := filepath.Abs(a)
		y, err2 := filepath.Abs(b)
		return err1 == nil && err2 == nil && x == y
	}
	var out []string
	for _, d := range dirs {
		dup := false
		for _, c := range configured {
			dup = dup || same(d, c)
		}
		if !dup {
			out = append(out, d)
		}
	}
	return out
}

func writeTestSummary(w io.Writer, sum policytest.Summary, verbose bool) error {
	total := sum.Passed + sum.Failed + sum.Errored + sum.Skipped
	if total == 0 {
		return usageError("test: no tests found")
	}
	for _, r := range sum.Results {
		if r.Outcome == policytest.Passed && !verbose {
			continue
		}
		fmt.Fprintf(w, "%-5s %s (%s)", r.Outcome, r.Name, r.Location)
		if verbose && r.Outcome == policytest.Passed {
			fmt.Fprintf(w, " %s", r.Elapsed.Round(time.Microsecond))
		}
		fmt.Fprintln(w)
		if r.Message != "" {
			fmt.Fprintf(w, "      %s\n", r.Message)
		}
		if r.Output != "" && r.Outcome != policytest.Passed {
			for _, line := range strings.Split(strings.TrimRight(r.Output, "\n"), "\n") {
				fmt.Fprintf(w, "      | %s\n", line)
			}
		}
	}
	if sum.Skipped > 0 {
		fmt.Fprintf(w, "%d skipped\n", sum.Skipped)
	}
	failed := sum.Failed + sum.Errored
	fmt.Fprintf(w, "%d passed, %d failed\n", sum.Passed, failed)
	if failed > 0 {
		return &exitError{code: exitGateFail}
	}
	return nil
}
