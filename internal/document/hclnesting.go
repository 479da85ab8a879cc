package document

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// checkNesting refuses an HCL file whose syntax tree could nest deeper
// than maxNesting, judging from its tokens alone. The HCL parser and
// evaluator recurse once per level, and a long enough chain (a million
// brackets, or "!!!!…true", or "1 + 1 + …") exhausts the goroutine stack,
// which is fatal: no recover catches it. The bound is conservative: every
// open bracket, quote or interpolation is a level, and so is each operator
// (or index) since the last separator in the same bracket.
func (d *hclDecoder) checkNesting(text []byte) bool {
	toks := lexHCL(text, d.filename)
	type frame struct {
		ops   int  // operators since the last , = : or item-ending newline
		conds int  // ? since the last , = or newline: "a ? b : c ? …" nests too
		brace bool // newlines end items here (bodies and objects)
	}
	stack := []frame{{brace: true}}
	depth := 0 // the sum of ops and conds over the stack, plus open brackets
	prev := hclsyntax.TokenNewline
	for _, tk := range toks {
		top := &stack[len(stack)-1]
		switch tk.Type {
		case hclsyntax.TokenOBrack, hclsyntax.TokenOBrace, hclsyntax.TokenOParen,
			hclsyntax.TokenOQuote, hclsyntax.TokenOHeredoc,
			hclsyntax.TokenTemplateInterp, hclsyntax.TokenTemplateControl:
			if tk.Type == hclsyntax.TokenOBrack && endsValue(prev) {
				top.ops++ // an index applies to the value before it
				depth++
			}
			stack = append(stack, frame{brace: tk.Type == hclsyntax.TokenOBrace})
			depth++
		case hclsyntax.TokenCBrack, hclsyntax.TokenCBrace, hclsyntax.TokenCParen,
			hclsyntax.TokenCQuote, hclsyntax.TokenCHeredoc, hclsyntax.TokenTemplateSeqEnd:
			if len(stack) > 1 {
				depth -= 1 + top.ops + top.conds
				stack = stack[:len(stack)-1]
			}
		case hclsyntax.TokenComma, hclsyntax.TokenEqual:
			depth -= top.ops + top.conds
			top.ops, top.conds = 0, 0
		case hclsyntax.TokenColon:
			depth -= top.ops
			top.ops = 0
		case hclsyntax.TokenNewline:
			if top.brace && !isOperator(prev) {
				depth -= top.ops + top.conds
				top.ops, top.conds = 0, 0
			}
		case hclsyntax.TokenQuestion:
			top.conds++
			depth++
		default:
			if isOperator(tk.Type) {
				top.ops++
				depth++
			}
		}
		if depth > maxNesting {
			d.errorf(hcl.Range{Start: tk.Range.Start, End: tk.Range.Start},
				"the document nests brackets or operators more than %d levels deep", maxNesting)
			return true
		}
		if tk.Type != hclsyntax.TokenComment {
			prev = tk.Type
		}
	}
	return false
}

// lexHCL tokenizes text; the scanner is third-party code fed untrusted
// input, so a panic in it yields no tokens and leaves the reporting to the
// parser, which is guarded too.
func lexHCL(text []byte, filename string) (toks hclsyntax.Tokens) {
	defer func() {
		if recover() != nil {
			toks = nil
		}
	}()
	toks, _ = hclsyntax.LexConfig(text, filename, hcl.Pos{Line: 1, Column: 1})
	return toks
}

func isOperator(t hclsyntax.TokenType) bool {
	switch t {
	case hclsyntax.TokenPlus, hclsyntax.TokenMinus, hclsyntax.TokenStar, hclsyntax.TokenSlash,
		hclsyntax.TokenPercent, hclsyntax.TokenEqualOp, hclsyntax.TokenNotEqual,
		hclsyntax.TokenLessThan, hclsyntax.TokenLessThanEq, hclsyntax.TokenGreaterThan,
		hclsyntax.TokenGreaterThanEq, hclsyntax.TokenAnd, hclsyntax.TokenOr,
		hclsyntax.TokenBang, hclsyntax.TokenDot, hclsyntax.TokenQuestion:
		return true
	}
	return false
}

func endsValue(t hclsyntax.TokenType) bool {
	switch t {
	case hclsyntax.TokenIdent, hclsyntax.TokenNumberLit, hclsyntax.TokenCQuote, hclsyntax.TokenCHeredoc,
		hclsyntax.TokenCBrack, hclsyntax.TokenCBrace, hclsyntax.TokenCParen, hclsyntax.TokenStar:
		return true
	}
	return false
}
