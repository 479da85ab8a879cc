package imports

import (
	"github.com/archvet/archvet/internal/document"
)

// lifecycles are the Backstage lifecycles the format knows; Backstage
// allows any string, so others are reported and left out.
var lifecycles = map[string]bool{"experimental": true, "production": true, "deprecated": true}

// backstage merges a Component entity from a catalog-info.yaml:
//
//	metadata.name       service.name (when the review has none)
//	spec.owner          service.owner
//	spec.lifecycle      service.lifecycle
//	spec.system         service.system
//	spec.dependsOn      component:x -> dependencies, resource:y -> data_stores
//	spec.providesApis   apis
//	spec.consumesApis   dependencies
//	spec.dependencyOf   component:x -> service.clients (x depends on
//	                    this service, so it calls it: kind internal-service)
//
// When the review names its service, the Component must have that name:
// a catalog file describing another component is a warning and nothing
// is imported from it, with one Component as with several.
func (m *merger) backstage(rel, field string) {
	path, docs, ok := m.load(rel, field, "Backstage catalog file")
	if !ok {
		return
	}
	var components []*document.Document
	for _, d := range docs {
		if kind, _ := get(d, "kind"); kind == "Component" {
			components = append(components, d)
		}
	}
	if len(components) == 0 {
		m.errorf(at(m.doc, field), "the imported Backstage catalog file %s holds no Component entity (kind: Component)", path)
		return
	}
	name, _ := lookup(m.doc.Value, "service", "name").(string)
	var c *document.Document
	for _, d := range components {
		if n, _ := get(d, "metadata", "name"); name == "" || n == name {
			c = d
			break
		}
	}
	switch {
	case name == "" && len(components) > 1:
		m.errorf(at(m.doc, field), "the imported Backstage catalog file %s holds several components (%s); set service.name to the one this review is about",
			path, describeDocs(components, "metadata", "name"))
		return
	case c == nil && len(components) > 1:
		m.errorf(at(m.doc, field), "the imported Backstage catalog file %s holds several components (%s) and none is named like service.name",
			path, describeDocs(components, "metadata", "name"))
		return
	case c == nil:
		m.warnf(at(m.doc, field), "the imported Backstage catalog file %s describes component %q, not %q (service.name); nothing is imported from it",
			path, describeDocs(components, "metadata", "name"), name)
		return
	}
	src := source{doc: c, field: field}
	if name, path, ok := m.str(src, "metadata", "name"); ok {
		m.set([]string{"service", "name"}, name, src, path)
	}
	if owner, path, ok := m.str(src, "spec", "owner"); ok {
		_, team := entityName(owner)
		m.set([]string{"service", "owner"}, team, src, path)
	}
	if lc, path, ok := m.str(src, "spec", "lifecycle"); ok {
		if lifecycles[lc] {
			m.set([]string{"service", "lifecycle"}, lc, src, path)
		} else {
			m.warnf(at(c, path), "lifecycle %q is not one of experimental, production, deprecated; it is not imported", lc)
		}
	}
	if sys, path, ok := m.str(src, "spec", "system"); ok {
		_, name := entityName(sys)
		m.set([]string{"service", "system"}, name, src, path)
	}
	refs, paths := m.strings(src, "spec", "dependsOn")
	for i, ref := range refs {
		kind, name := entityName(ref)
		switch kind {
		case "resource":
			m.entry([]string{"data_stores"}, name, src, paths[i])
		case "", "component":
			if e, epath := m.entry([]string{"dependencies"}, name, src, paths[i]); e != nil {
				m.fill(e, epath, "kind", "internal-service", src, paths[i])
			}
		default:
			m.warnf(at(c, paths[i]), "dependsOn %q: only components and resources are imported", ref)
		}
	}
	users, paths := m.strings(src, "spec", "dependencyOf")
	for i, ref := range users {
		switch kind, name := entityName(ref); kind {
		case "", "component":
			if e, epath := m.entry([]string{"service", "clients"}, name, src, paths[i]); e != nil {
				m.fill(e, epath, "kind", "internal-service", src, paths[i])
			}
		default:
			m.warnf(at(c, paths[i]), "dependencyOf %q: only components are imported, as clients of the service", ref)
		}
	}
	apis, paths := m.strings(src, "spec", "providesApis")
	for i, ref := range apis {
		_, name := entityName(ref)
		m.entry([]string{"apis"}, name, src, paths[i])
	}
	consumed, paths := m.strings(src, "spec", "consumesApis")
	for i, ref := range consumed {
		_, name := entityName(ref)
		m.entry([]string{"dependencies"}, name, src, paths[i])
	}
}

func lookup(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}
