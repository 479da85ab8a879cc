// Command regofmt formats Rego files in place as `opa fmt -w` does, with
// the OPA version pinned in go.mod, so that policy authors need no opa
// binary: go run ./internal/tools/regofmt policies/ideals/*.rego
package main

import (
	"fmt"
	"os"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/format"
)

func main() {
	failed := false
	for _, name := range os.Args[1:] {
		src, err := os.ReadFile(name)
		if err == nil {
			var out []byte
			out, err = format.SourceWithOpts(name, src, format.Opts{RegoVersion: ast.RegoV1})
			if err == nil && string(out) != string(src) {
				err = os.WriteFile(name, out, 0o644)
				fmt.Println("formatted", name)
			}
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			failed = true
		}
	}
	if failed {
		os.Exit(1)
	}
}
