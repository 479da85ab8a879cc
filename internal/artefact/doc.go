package artefact

// The `_artefacts` input, as Read builds it. A kind is present only when
// the review has sources of it. Every fact F is one of
//
//	{"value": v, "at": {"file", "line", "column"}}                  stated
//	{"value": v, "at": {...}, "default": true}                       left out; v is the provider's or API's documented default, at the block or object that leaves it out
//	{"unknown": true, "expression": "var.retention", "at": {...}}    an expression, not evaluated
//
// and an absent fact means the artefact does not speak to it. "file" is
// the display path: the review's directory joined with the path it gives.
//
//	"terraform": {"files": n,                 // .tf files parsed
//	  "resources": [{"address": "aws_db_instance.orders", "type", "provider": "aws",
//	    "kind": "relational|cache|queue|bucket|table",
//	    "name": "orders-primary",             // the literal identifier/name/bucket, else the label
//	    "replica_of": "aws_db_instance.x",    // only on a read replica joined to its source
//	    "at": {...},                          // the resource block
//	    "facts": {"backup_retention_days", "backups_enabled", "point_in_time",
//	              "multi_az", "replicas", "cross_region_replica", "cross_region_backup",
//	              "encrypted_at_rest", "deletion_protection", "versioning", "dead_letter"}}]}
//	                                          // only the keys the resource type speaks to
//
//	"kubernetes": {"documents": n,
//	  "skipped": [{"file", "reason": "Helm template", "at": {...}}],
//	  "workloads": [{"kind": "Deployment|StatefulSet", "name", "namespace" (when set),
//	    "labels": {pod template labels}, "at": {...},
//	    "facts": {"replicas", "liveness_probe", "readiness_probe", "resource_requests",
//	              "resource_limits", "zone_spread", "termination_grace_seconds", "pre_stop",
//	              "run_as_non_root", "read_only_root_filesystem",
//	              "literal_secret_env"}}],    // value: names of secret-looking env vars with a literal value
//	                                          // pre_stop: the first hook's sleep in seconds, else true; false with none
//	                                          // *_probe: the app (first) container's httpGet path or exec command, else true; false
//	  "disruption_budgets": [{"kind", "name", "namespace", "selector": {matchLabels}, "at",
//	    "facts": {"min_available", "max_unavailable"}}],
//	  "autoscalers": [{"kind", "name", "namespace", "target": "Deployment/checkout", "at",
//	    "facts": {"min_replicas", "max_replicas", "metrics"}}]}   // metrics: ["cpu", "pods:http_requests_per_second"]
//
//	"openapi": {"specs": [{"ref": "api/x.yaml",  // relative to the review, as apis[].spec
//	  "file", "version": "3.1.0", "api_version": info.version, "at": {...},
//	  "facts": {"version_in_servers", "version_in_paths"},
//	  "operations": [{"method": "get", "path": "/orders", "operation_id", "at": {...},
//	    "operational": true,                  // only on /health, /metrics, /status and the like
//	    "facts": {"secured", "authentication",  // ["jwt", "api-key"]: apis[].authentication's words
//	              "list", "pagination_params", "pagination",  // "cursor" | "offset" | "none"
//	              "max_page_size", "responses", "retry_after_on_429"}}]}]}
//
// Resource and security-context facts hold for every container of the
// pod: true at the first container's setting, false at the first
// container without it. Probes are the app container's: the first.
