package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
)

// scriptCmds are the commands testscripts have besides archvet and the
// built-ins: what a user does to a design between two runs (copy an
// example, edit a line) and what code scanning reads from a SARIF log.
var scriptCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	"example":      cmdExample,
	"replace":      cmdReplace,
	"fingerprints": cmdFingerprints,
}

// example SRC DST copies examples/SRC of this repository to DST, so a
// script starts from a shipped example rather than a stale copy of it.
func cmdExample(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: example SRC DST")
	}
	// Custom commands run in the test process, whose directory is the
	// package's: the repository's examples are two levels up.
	src, err := os.ReadFile(filepath.Join("..", "..", "examples", filepath.FromSlash(args[0])))
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), src, 0o644))
}

// replace FILE OLD NEW replaces the one occurrence of OLD in FILE by NEW;
// \n and \t in OLD and NEW stand for a newline and a tab. It fails when
// OLD is not in the file exactly once, so an edit never silently misses.
func cmdReplace(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: replace FILE OLD NEW")
	}
	unescape := strings.NewReplacer(`\n`, "\n", `\t`, "\t").Replace
	path := ts.MkAbs(args[0])
	b, err := os.ReadFile(path)
	ts.Check(err)
	old, repl := unescape(args[1]), unescape(args[2])
	if n := strings.Count(string(b), old); n != 1 {
		ts.Fatalf("%s holds %q %d times, want once", args[0], old, n)
	}
	ts.Check(os.WriteFile(path, []byte(strings.Replace(string(b), old, repl, 1)), 0o644))
}

// fingerprints SARIF prints, one a line and sorted, the rule id, file and
// partialFingerprints of every result of a SARIF log: what code scanning
// matches alerts across commits by.
func cmdFingerprints(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: fingerprints SARIF")
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					Physical struct {
						Artifact struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				Fingerprints map[string]string `json:"partialFingerprints"`
			} `json:"results"`
		} `json:"runs"`
	}
	b, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	ts.Check(json.Unmarshal(b, &log))
	var lines []string
	for _, run := range log.Runs {
		for _, r := range run.Results {
			uri := ""
			if len(r.Locations) > 0 {
				uri = r.Locations[0].Physical.Artifact.URI
			}
			keys := make([]string, 0, len(r.Fingerprints))
			for k, v := range r.Fingerprints {
				keys = append(keys, k+"="+v)
			}
			sort.Strings(keys)
			lines = append(lines, fmt.Sprintf("%s %s %s", r.RuleID, uri, strings.Join(keys, " ")))
		}
	}
	sort.Strings(lines)
	for _, l := range lines {
		fmt.Fprintln(ts.Stdout(), l)
	}
}
