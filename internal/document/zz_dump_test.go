package document

import (
	"fmt"
	"testing"
)

func TestDump(t *testing.T) {
	for _, n := range []string{"twin.yaml", "twin.hcl"} {
		doc := mustLoad(t, n, readTestdata(t, n))
		for _, p := range doc.Index.Paths() {
			r, _, _ := doc.Index.Resolve(p)
			fmt.Printf("%s %-45s %d:%d-%d:%d b%d-%d\n", n, p, r.Start.Line, r.Start.Column, r.End.Line, r.End.Column, r.Start.Byte, r.End.Byte)
		}
	}
}
