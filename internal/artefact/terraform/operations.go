package terraform

import (
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/archvet/archvet/internal/artefact/fact"
)

// What the Terraform says of how the service is run, beyond its stores:
// the tags every resource of a provider gets, the cost budgets with their
// alerts, and the on-call schedules and escalation policies of PagerDuty.
// Each is read as written; an expression is unknown.

// operations returns {"providers", "budgets", "schedules",
// "escalation_policies"}, in the order the files declare them.
func (t *tree) operations() map[string]any {
	providers, budgets, schedules, policies := []any{}, []any{}, []any{}, []any{}
	for _, key := range t.providerOrder {
		p := t.providers[key]
		out := map[string]any{"name": key, "at": p.f.blockAt(p.block).Value()}
		if dt := firstBlock(p.block.Body, "default_tags"); dt != nil && dt.Body.Attributes["tags"] != nil {
			out["default_tags"] = p.f.tags(dt.Body.Attributes["tags"])
		}
		providers = append(providers, out)
	}
	for _, r := range t.order {
		b := r.block.Body
		out := map[string]any{"address": r.address(), "at": r.at().Value()}
		switch r.typ {
		case "aws_budgets_budget":
			out["facts"] = map[string]any{}
			facts := out["facts"].(map[string]any)
			for key, attr := range map[string]string{"limit_amount": "limit_amount", "limit_unit": "limit_unit", "time_unit": "time_unit"} {
				if f := r.f.read(b, attr, asString); f != nil {
					facts[key] = f
				}
			}
			facts["notifications"] = fact.Known(int64(len(blocksOf(b, "notification"))), r.at())
			budgets = append(budgets, out)
		case "pagerduty_schedule":
			if f := r.f.read(b, "name", asString); f != nil {
				out["name"] = f
			}
			layers := blocksOf(b, "layer")
			restricted := false
			for _, l := range layers {
				if len(blocksOf(l.Body, "restriction")) > 0 {
					restricted = true
				}
			}
			if len(layers) > 0 {
				// A layer without restrictions is on call around the clock.
				out["around_the_clock"] = fact.Known(!restricted, r.f.blockAt(layers[0]))
			}
			schedules = append(schedules, out)
		case "pagerduty_escalation_policy":
			if f := r.f.read(b, "name", asString); f != nil {
				out["name"] = f
			}
			rules := blocksOf(b, "rule")
			out["levels"] = fact.Known(int64(len(rules)), r.at())
			if d := dynamicBlock(b, "rule"); d != nil {
				out["levels"] = fact.Unknown("dynamic \"rule\"", r.f.blockAt(d))
			}
			policies = append(policies, out)
		}
	}
	return map[string]any{"providers": providers, "budgets": budgets, "schedules": schedules, "escalation_policies": policies}
}

// blocksOf are the nested blocks of a type.
func blocksOf(b *hclsyntax.Body, typ string) []*hclsyntax.Block {
	var out []*hclsyntax.Block
	for _, blk := range b.Blocks {
		if blk.Type == typ {
			out = append(out, blk)
		}
	}
	return out
}

// tags reads a tags object key by key: each literal value known at its
// item, each expression unknown, so that a tag written as a literal is
// read even when another is a variable.
func (f *file) tags(a *hclsyntax.Attribute) map[string]any {
	obj, ok := a.Expr.(*hclsyntax.ObjectConsExpr)
	if !ok {
		return fact.Unknown(f.source(a.Expr), f.at(a.SrcRange.Start))
	}
	out := map[string]any{}
	for _, it := range obj.Items {
		k, ok := value(it.KeyExpr)
		key, isStr := k.(string)
		if !ok || !isStr {
			continue
		}
		at := f.at(it.KeyExpr.Range().Start)
		if v, ok := value(it.ValueExpr); ok {
			if s, isStr := v.(string); isStr {
				out[key] = fact.Known(s, at)
				continue
			}
		}
		out[key] = fact.Unknown(f.source(it.ValueExpr), at)
	}
	return fact.Known(out, f.at(a.SrcRange.Start))
}
