package openapi

import (
	"strings"

	"github.com/archvet/archvet/internal/artefact/fact"
)

// security says whether an operation requires credentials, from its own
// security list or else the document's: an empty list, or an empty
// requirement ({}) among the alternatives, lets a caller in without any.
// With neither, nothing is required. schemes are the kinds of credential
// the requirements name, in the words of apis[].authentication.
func security(root, op fact.Node) (secured, schemes map[string]any) {
	sec := op.Key("security")
	if !sec.Present() {
		sec = root.Key("security")
	}
	if !sec.Present() {
		return fact.Default(false, op.At()), nil
	}
	reqs := sec.Items()
	if len(reqs) == 0 {
		return sec.Known(false), nil
	}
	names := []any{}
	open := false
	for _, r := range reqs {
		m := r.Map()
		if len(m) == 0 {
			open = true
		}
		for _, name := range keys(r) {
			kind := schemeKind(resolve(root.Get("components", "securitySchemes", name)))
			if kind != "" && !contains(names, kind) {
				names = append(names, kind)
			}
		}
	}
	return sec.Known(!open), sec.Known(names)
}

func contains(list []any, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// schemeKind maps a security scheme to apis[].authentication's words.
func schemeKind(s fact.Node) string {
	switch s.Key("type").String() {
	case "oauth2":
		return "oauth2"
	case "openIdConnect":
		return "oidc"
	case "mutualTLS":
		return "mtls"
	case "apiKey":
		return "api-key"
	case "http":
		switch strings.ToLower(s.Key("scheme").String()) {
		case "bearer":
			return "jwt"
		case "basic":
			return "basic"
		}
		return "http"
	}
	return ""
}

// retryAfter is whether a 429 response declares a Retry-After header: at
// the header, or false at the 429 without one, or at the responses when
// there is no 429.
func retryAfter(responses fact.Node) map[string]any {
	r := responses.Key("429")
	if !r.Present() {
		return responses.Known(false)
	}
	r = resolve(r)
	for _, name := range keys(r.Key("headers")) {
		if strings.EqualFold(name, "Retry-After") {
			return r.Get("headers", name).Known(true)
		}
	}
	return responses.Key("429").Known(false)
}

// isList tells a list operation (a GET) from one that reads a single
// thing: its success body is an array, or an object that wraps one (a
// page: {"items": [...]}); without a body schema, a path that does not
// end in a parameter and names a plural collection (/orders, not
// /orders/{id} or /health).
func isList(path string, responses fact.Node) bool {
	body, declared := successSchema(responses)
	if declared {
		if isArray(body) {
			return true
		}
		for _, name := range keys(body.Key("properties")) {
			if isArray(resolve(body.Get("properties", name))) {
				return true
			}
		}
		return false
	}
	segs := strings.Split(strings.Trim(path, "/"), "/")
	last := strings.ToLower(segs[len(segs)-1])
	return !strings.HasPrefix(last, "{") && strings.HasSuffix(last, "s") && !singular[last]
}

// singular are path names that end in s without naming a collection.
var singular = map[string]bool{"status": true, "stats": true, "metrics": true, "news": true, "settings": true, "address": true, "progress": true}

// successSchema is the JSON schema of the first 2xx response that has one.
func successSchema(responses fact.Node) (fact.Node, bool) {
	for _, code := range keys(responses) {
		if !strings.HasPrefix(code, "2") {
			continue
		}
		r := resolve(responses.Key(code))
		for _, media := range keys(r.Key("content")) {
			if s := r.Get("content", media, "schema"); s.Present() {
				return resolve(s), true
			}
		}
	}
	return fact.Node{}, false
}

func isArray(s fact.Node) bool {
	switch t := s.Key("type").Value().(type) {
	case string:
		return t == "array"
	case []any: // 3.1: type: [array, "null"]
		return contains(t, "array")
	case nil:
		return s.Key("items").Present()
	}
	return false
}

// cursorParams and offsetParams page a list; sizeParams bound the page.
var (
	cursorParams = map[string]bool{"cursor": true, "page_token": true, "pagetoken": true, "after": true, "before": true, "next": true, "continuation": true, "continuation_token": true, "starting_after": true, "ending_before": true}
	offsetParams = map[string]bool{"offset": true, "page": true, "skip": true, "$skip": true, "start": true, "page_number": true, "pagenumber": true}
	sizeParams   = map[string]bool{"limit": true, "page_size": true, "pagesize": true, "per_page": true, "perpage": true, "size": true, "top": true, "$top": true, "max_results": true, "maxresults": true, "count": true, "first": true}
)

// paging sets a list operation's pagination facts: the paging parameters
// it takes (query parameters only), the style they make, and the maximum
// of its page-size parameter's schema.
func paging(params []fact.Node, op fact.Node, facts map[string]any) {
	names := []any{}
	style := "none"
	var first, size fact.Node
	for _, p := range params {
		if p.Key("in").String() != "query" {
			continue
		}
		name := p.Key("name").String()
		lower := strings.ToLower(name)
		switch {
		case cursorParams[lower]:
			style = "cursor"
		case offsetParams[lower]:
			if style != "cursor" {
				style = "offset"
			}
		case sizeParams[lower]:
			if !size.Present() {
				size = p
			}
		default:
			continue
		}
		if len(names) == 0 {
			first = p
		}
		names = append(names, name)
	}
	at := op.Key("parameters")
	if len(names) > 0 {
		at = first
	} else if !at.Present() {
		at = op
	}
	facts["pagination_params"] = at.Known(names)
	facts["pagination"] = at.Known(style)
	if size.Present() {
		if max := resolve(size.Key("schema")).Key("maximum"); max.Present() {
			facts["max_page_size"] = max.Known(max.Value())
		}
	}
}

// safeMethods change nothing, so retrying them is always safe.
var safeMethods = map[string]bool{"get": true, "head": true, "options": true, "trace": true}

// idempotencyKeyHeaders name the request header a client sends so that a
// retried write is applied once (the IETF draft's Idempotency-Key, and
// the spellings APIs use for it).
var idempotencyKeyHeaders = map[string]bool{"idempotency-key": true, "x-idempotency-key": true, "idempotency_key": true, "x-request-id-idempotency": true}

// idempotencyKey is whether a write operation requires an idempotency key
// header: true at the parameter when it is required, false at it when it
// is optional, false at the operation's parameters (or the operation)
// when it takes none.
func idempotencyKey(params []fact.Node, op fact.Node) map[string]any {
	for _, p := range params {
		if p.Key("in").String() == "header" && idempotencyKeyHeaders[strings.ToLower(p.Key("name").String())] {
			return p.Known(p.Key("required").Value() == true)
		}
	}
	if at := op.Key("parameters"); at.Present() {
		return at.Known(false)
	}
	return op.Known(false)
}
