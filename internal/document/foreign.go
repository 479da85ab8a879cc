package document

import (
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/archvet/archvet/internal/diag"
)

// ParseForeignHCL parses an HCL file that is not a design review (a
// Terraform file) under the same guards as LoadHCL: it must be UTF-8
// text, its syntax tree must not nest deeper than the parser's stack can
// take, and a panic in the parser is a diagnostic. Nothing is decoded or
// evaluated: the caller reads the syntax tree. On errors the body is nil.
func ParseForeignHCL(path string, src []byte) (*hclsyntax.Body, diag.Diagnostics) {
	text, skip, bad := checkText(path, src)
	if bad != nil {
		return nil, diag.Diagnostics{*bad}
	}
	d := &hclDecoder{filename: path, skip: skip, ix: NewIndex(path)}
	if d.checkNesting(text) {
		return nil, d.diags
	}
	file, hd := parseHCL(text, path)
	d.addHCL(hd)
	if hd.HasErrors() {
		return nil, d.diags
	}
	body, ok := file.Body.(*hclsyntax.Body)
	if !ok {
		return nil, diag.Diagnostics{diag.Errorf(fileStart(path), "HCL parser returned an unexpected body")}
	}
	return body, d.diags
}
