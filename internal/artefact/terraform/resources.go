package terraform

import (
	"strings"

	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/archvet/archvet/internal/artefact/fact"
)

// kinds are the resource types read, by the kind of store they make.
var kinds = map[string]string{
	"aws_db_instance":                    "relational",
	"aws_rds_cluster":                    "relational",
	"google_sql_database_instance":       "relational",
	"azurerm_postgresql_flexible_server": "relational",
	"aws_elasticache_replication_group":  "cache",
	"aws_sqs_queue":                      "queue",
	"aws_s3_bucket":                      "bucket",
	"google_storage_bucket":              "bucket",
	"azurerm_storage_account":            "bucket",
	"aws_dynamodb_table":                 "table",
}

// nameAttrs hold the name a resource gives what it creates.
var nameAttrs = map[string]string{
	"aws_db_instance":                    "identifier",
	"aws_rds_cluster":                    "cluster_identifier",
	"google_sql_database_instance":       "name",
	"azurerm_postgresql_flexible_server": "name",
	"aws_elasticache_replication_group":  "replication_group_id",
	"aws_sqs_queue":                      "name",
	"aws_s3_bucket":                      "bucket",
	"google_storage_bucket":              "name",
	"azurerm_storage_account":            "name",
	"aws_dynamodb_table":                 "name",
}

var readers = map[string]func(*tree, *resource){
	"aws_db_instance":                    (*tree).awsDBInstance,
	"aws_rds_cluster":                    (*tree).awsRDSCluster,
	"aws_elasticache_replication_group":  (*tree).awsElastiCache,
	"aws_s3_bucket":                      (*tree).awsS3Bucket,
	"aws_sqs_queue":                      (*tree).awsSQSQueue,
	"aws_dynamodb_table":                 (*tree).awsDynamoDB,
	"google_sql_database_instance":       (*tree).googleSQL,
	"google_storage_bucket":              (*tree).googleStorage,
	"azurerm_postgresql_flexible_server": (*tree).azurePostgres,
	"azurerm_storage_account":            (*tree).azureStorage,
}

// retention sets the backup facts a retention period in days implies: a
// period of 0 turns automated backups, and so point-in-time restore, off.
func (r *resource) retention(f map[string]any, pointInTime bool) {
	r.set("backup_retention_days", f)
	r.set("backups_enabled", derive(f, positive))
	if pointInTime {
		r.set("point_in_time", derive(f, positive))
	}
}

func (t *tree) awsDBInstance(r *resource) {
	f, b := r.f, r.block.Body
	r.retention(f.read(b, "backup_retention_period", asNumber), true)
	r.set("multi_az", f.read(b, "multi_az", asBool))
	r.set("encrypted_at_rest", f.read(b, "storage_encrypted", asBool))
	r.set("deletion_protection", f.read(b, "deletion_protection", asBool))
	t.replicas(r, "aws_db_instance", "replicate_source_db")
	if r.attr("replicate_source_db") == nil {
		// RDS keeps automated backups for one day unless told otherwise
		// (a read replica keeps none).
		r.byDefault("backup_retention_days", int64(1))
		r.byDefault("backups_enabled", true)
		r.byDefault("point_in_time", true)
	}
	r.byDefault("multi_az", false)
	r.byDefault("encrypted_at_rest", false)
	r.byDefault("deletion_protection", false)
}

func (t *tree) awsRDSCluster(r *resource) {
	f, b := r.f, r.block.Body
	r.retention(f.read(b, "backup_retention_period", asNumber), true)
	r.set("encrypted_at_rest", f.read(b, "storage_encrypted", asBool))
	r.set("deletion_protection", f.read(b, "deletion_protection", asBool))
	// Aurora keeps its storage in three zones; its compute is multi-AZ
	// when the cluster has a second instance to fail over to.
	if inst := t.referrers(r, "aws_rds_cluster_instance", "cluster_identifier"); len(inst) > 0 {
		n := t.sum(inst)
		r.set("replicas", derive(n, minusOne))
		r.set("multi_az", derive(n, func(v any) any { return positive(minusOne(v)) }))
	}
	if g := r.attr("global_cluster_identifier"); g != nil {
		r.set("cross_region_replica", t.globalMembers(r, g))
	}
	// Aurora cannot turn automated backups off: one day unless set.
	r.byDefault("backup_retention_days", int64(1))
	r.byDefault("backups_enabled", true)
	r.byDefault("point_in_time", true)
	r.byDefault("deletion_protection", false)
}

func (t *tree) awsElastiCache(r *resource) {
	f, b := r.f, r.block.Body
	r.set("multi_az", f.read(b, "multi_az_enabled", asBool))
	switch {
	case b.Attributes["replicas_per_node_group"] != nil:
		r.set("replicas", f.read(b, "replicas_per_node_group", asNumber))
	case b.Attributes["num_cache_clusters"] != nil:
		r.set("replicas", derive(f.read(b, "num_cache_clusters", asNumber), minusOne))
	case b.Attributes["number_cache_clusters"] != nil:
		r.set("replicas", derive(f.read(b, "number_cache_clusters", asNumber), minusOne))
	}
	r.retention(f.read(b, "snapshot_retention_limit", asNumber), false)
	r.set("encrypted_at_rest", f.read(b, "at_rest_encryption_enabled", asBool))
	if g := r.attr("global_replication_group_id"); g != nil {
		r.set("cross_region_replica", fact.Known(true, f.at(g.SrcRange.Start)))
	}
	r.byDefault("multi_az", false)
	r.byDefault("backup_retention_days", int64(0))
	r.byDefault("backups_enabled", false)
}

func (t *tree) awsS3Bucket(r *resource) {
	f, b := r.f, r.block.Body
	if v := firstBlock(b, "versioning"); v != nil { // provider v3 inline form
		r.set("versioning", f.read(v.Body, "enabled", asBool))
	}
	for _, x := range t.referrers(r, "aws_s3_bucket_versioning", "bucket") {
		cfg := firstBlock(x.from.block.Body, "versioning_configuration")
		r.set("versioning", derive(x.from.f.read(body(cfg), "status", asString), equals("Enabled")))
	}
	if firstBlock(b, "server_side_encryption_configuration") != nil {
		r.set("encrypted_at_rest", fact.Known(true, f.blockAt(firstBlock(b, "server_side_encryption_configuration"))))
	}
	for _, x := range t.referrers(r, "aws_s3_bucket_server_side_encryption_configuration", "bucket") {
		r.set("encrypted_at_rest", fact.Known(true, x.from.at()))
	}
	for _, x := range t.referrers(r, "aws_s3_bucket_replication_configuration", "bucket") {
		r.set("cross_region_replica", t.s3Destination(r, x.from))
	}
	// Object Lock keeps objects from being deleted or overwritten.
	if b.Attributes["object_lock_enabled"] != nil {
		r.set("deletion_protection", f.read(b, "object_lock_enabled", asBool))
	} else if ol := firstBlock(b, "object_lock_configuration"); ol != nil { // provider v3
		r.set("deletion_protection", derive(f.read(ol.Body, "object_lock_enabled", asString), equals("Enabled")))
	}
	for _, x := range t.referrers(r, "aws_s3_bucket_object_lock_configuration", "bucket") {
		if ole := x.from.attr("object_lock_enabled"); ole != nil {
			r.set("deletion_protection", derive(x.from.f.read(x.from.block.Body, "object_lock_enabled", asString), equals("Enabled")))
		} else {
			r.set("deletion_protection", fact.Known(true, x.from.at()))
		}
	}
	r.byDefault("deletion_protection", false)
	r.byDefault("versioning", false)
	// S3 has encrypted every new object (SSE-S3) since January 2023.
	r.byDefault("encrypted_at_rest", true)
}

// s3Destination reads where a replication configuration copies a bucket
// to: another region, the same one, or unknown.
func (t *tree) s3Destination(src, cfg *resource) map[string]any {
	rule := firstBlock(cfg.block.Body, "rule")
	dest := firstBlock(body(rule), "destination")
	if dest == nil || dest.Body.Attributes["bucket"] == nil {
		return fact.Unknown("replication rule without a destination bucket", cfg.at())
	}
	a := dest.Body.Attributes["bucket"]
	to, ok := reference(a.Expr)
	dst := t.byAddr[to]
	if !ok || dst == nil {
		return fact.Unknown(cfg.f.source(a.Expr), cfg.f.at(a.SrcRange.Start))
	}
	return t.crossRegion(src, dst, cfg.f.at(a.SrcRange.Start))
}

func (t *tree) awsSQSQueue(r *resource) {
	f, b := r.f, r.block.Body
	if a := b.Attributes["redrive_policy"]; a != nil {
		r.set("dead_letter", redrive(f, a))
	}
	for _, x := range t.referrers(r, "aws_sqs_queue_redrive_policy", "queue_url") {
		if a := x.from.attr("redrive_policy"); a != nil {
			r.set("dead_letter", redrive(x.from.f, a))
		}
	}
	switch {
	case b.Attributes["kms_master_key_id"] != nil:
		r.set("encrypted_at_rest", fact.Known(true, f.startOf(b.Attributes["kms_master_key_id"].SrcRange)))
	default:
		r.set("encrypted_at_rest", f.read(b, "sqs_managed_sse_enabled", asBool))
	}
	r.byDefault("dead_letter", false)
}

// redrive reads a redrive policy: a dead-letter queue is configured when
// it names a deadLetterTargetArn, in a JSON string or in the object given
// to jsonencode (read from the syntax; the function is not called).
func redrive(f *file, a *hclsyntax.Attribute) map[string]any {
	at := f.at(a.SrcRange.Start)
	if tpl, isTpl := a.Expr.(*hclsyntax.TemplateExpr); isTpl && !literal(tpl) {
		// A heredoc of JSON that interpolates the queue's ARN: the key
		// is in its literal text.
		for _, p := range tpl.Parts {
			if lit, isLit := p.(*hclsyntax.LiteralValueExpr); isLit && lit.Val.Type() == cty.String &&
				strings.Contains(lit.Val.AsString(), `"deadLetterTargetArn"`) {
				return fact.Known(true, at)
			}
		}
	}
	keys, ok := jsonKeys(a.Expr)
	if !ok {
		return fact.Unknown(f.source(a.Expr), at)
	}
	_, named := keys["deadLetterTargetArn"]
	return fact.Known(named, at)
}

func (t *tree) awsDynamoDB(r *resource) {
	f, b := r.f, r.block.Body
	if p := firstBlock(b, "point_in_time_recovery"); p != nil {
		r.set("point_in_time", f.read(p.Body, "enabled", asBool))
		r.set("backup_retention_days", f.read(p.Body, "recovery_period_in_days", asNumber))
	}
	r.set("deletion_protection", f.read(b, "deletion_protection_enabled", asBool))
	if s := firstBlock(b, "server_side_encryption"); s != nil {
		r.set("encrypted_at_rest", f.read(s.Body, "enabled", asBool))
	}
	// Replica blocks make a global table: every replica is in another
	// region than the table.
	var replicas []*hclsyntax.Block
	for _, blk := range b.Blocks {
		if blk.Type == "replica" {
			replicas = append(replicas, blk)
		}
	}
	switch d := dynamicBlock(b, "replica"); {
	case d != nil:
		fe := d.Body.Attributes["for_each"]
		expr := "dynamic \"replica\""
		if fe != nil {
			expr = "for_each = " + f.source(fe.Expr)
		}
		r.set("replicas", fact.Unknown(expr, f.blockAt(d)))
		r.set("cross_region_replica", fact.Unknown(expr, f.blockAt(d)))
	case len(replicas) > 0:
		r.set("replicas", fact.Known(int64(len(replicas)), f.blockAt(replicas[0])))
		r.set("cross_region_replica", fact.Known(true, f.blockAt(replicas[0])))
	}
	r.byDefault("point_in_time", false)
	r.byDefault("deletion_protection", false)
	r.byDefault("replicas", int64(0))
	r.byDefault("cross_region_replica", false)
	// DynamoDB encrypts every table, and stores it in three zones.
	r.byDefault("encrypted_at_rest", true)
	r.byDefault("multi_az", true)
}

func (t *tree) googleSQL(r *resource) {
	f, b := r.f, r.block.Body
	settings := body(firstBlock(b, "settings"))
	bc := body(firstBlock(settings, "backup_configuration"))
	r.set("backups_enabled", f.read(bc, "enabled", asBool))
	if bc != nil && bc.Attributes["binary_log_enabled"] != nil { // MySQL
		r.set("point_in_time", f.read(bc, "binary_log_enabled", asBool))
	} else {
		r.set("point_in_time", f.read(bc, "point_in_time_recovery_enabled", asBool))
	}
	// Cloud SQL keeps a number of daily backups: the count is the days.
	if rs := body(firstBlock(bc, "backup_retention_settings")); rs != nil {
		unit, _ := value(attrExpr(rs, "retention_unit"))
		if unit == nil || unit == "COUNT" {
			r.set("backup_retention_days", f.read(rs, "retained_backups", asNumber))
		}
	}
	r.set("multi_az", derive(f.read(settings, "availability_type", asString), equals("REGIONAL")))
	if settings != nil && settings.Attributes["deletion_protection_enabled"] != nil {
		r.set("deletion_protection", f.read(settings, "deletion_protection_enabled", asBool))
	} else {
		r.set("deletion_protection", f.read(b, "deletion_protection", asBool))
	}
	t.replicas(r, "google_sql_database_instance", "master_instance_name")
	r.byDefault("backups_enabled", false)
	r.byDefault("point_in_time", false)
	r.byDefault("multi_az", false)
	// The provider refuses to destroy an instance unless told otherwise.
	r.byDefault("deletion_protection", true)
	r.byDefault("encrypted_at_rest", true)
}

// multiRegions are the Cloud Storage locations that keep data in more
// than one region.
var multiRegions = map[string]bool{"US": true, "EU": true, "ASIA": true, "NAM4": true, "EUR4": true, "EUR5": true, "EUR7": true, "EUR8": true, "ASIA1": true}

func (t *tree) googleStorage(r *resource) {
	f, b := r.f, r.block.Body
	r.set("versioning", f.read(body(firstBlock(b, "versioning")), "enabled", asBool))
	if cp := firstBlock(b, "custom_placement_config"); cp != nil {
		r.set("cross_region_replica", fact.Known(true, f.blockAt(cp)))
	} else {
		r.set("cross_region_replica", derive(f.read(b, "location", asString), func(v any) any {
			s, _ := v.(string)
			return multiRegions[strings.ToUpper(s)]
		}))
	}
	r.byDefault("versioning", false)
	r.byDefault("encrypted_at_rest", true)
}

func (t *tree) azurePostgres(r *resource) {
	f, b := r.f, r.block.Body
	r.set("backup_retention_days", f.read(b, "backup_retention_days", asNumber))
	r.set("cross_region_backup", f.read(b, "geo_redundant_backup_enabled", asBool))
	if ha := firstBlock(b, "high_availability"); ha != nil {
		r.set("multi_az", derive(f.read(ha.Body, "mode", asString), equals("ZoneRedundant")))
	}
	t.replicas(r, "azurerm_postgresql_flexible_server", "source_server_id")
	t.managementLock(r)
	// Flexible Server always backs up, and restores to any point in the
	// retention period, which is 7 days unless set.
	r.byDefault("backup_retention_days", int64(7))
	r.byDefault("backups_enabled", true)
	r.byDefault("point_in_time", true)
	r.byDefault("cross_region_backup", false)
	r.byDefault("multi_az", false)
	r.byDefault("encrypted_at_rest", true)
}

func (t *tree) azureStorage(r *resource) {
	f, b := r.f, r.block.Body
	rt := f.read(b, "account_replication_type", asString)
	r.set("multi_az", derive(rt, func(v any) any {
		s, _ := v.(string)
		return strings.Contains(strings.ToUpper(s), "ZRS")
	}))
	r.set("cross_region_replica", derive(rt, func(v any) any {
		s, _ := v.(string)
		return strings.Contains(strings.ToUpper(s), "GRS") || strings.Contains(strings.ToUpper(s), "GZRS")
	}))
	r.set("versioning", f.read(body(firstBlock(b, "blob_properties")), "versioning_enabled", asBool))
	t.managementLock(r)
	r.byDefault("versioning", false)
	r.byDefault("encrypted_at_rest", true)
}

// --- replicas and regions -----------------------------------------------

// replicas joins the read replicas of r: resources of its own type whose
// attr names it. It sets how many there are and whether one is in
// another region; with none, r has none.
func (t *tree) replicas(r *resource, typ, attr string) {
	refs := t.referrers(r, typ, attr)
	if len(refs) == 0 {
		r.byDefault("replicas", int64(0))
		r.byDefault("cross_region_replica", false)
		return
	}
	r.set("replicas", t.sum(refs))
	var cross map[string]any
	for _, x := range refs {
		x.from.replicaOf = r.address()
	}
	for _, x := range refs {
		c := t.crossRegion(r, x.from, x.from.f.at(x.attr.SrcRange.Start))
		switch {
		case c["value"] == true:
			r.set("cross_region_replica", c)
			return
		case cross == nil || c["unknown"] == true:
			cross = c
		}
	}
	r.set("cross_region_replica", cross)
}

// sum is how many instances the referring resources make, at the first
// reference: unknown if any of them has a count or for_each expression.
func (t *tree) sum(refs []ref) map[string]any {
	var n int64
	for _, x := range refs {
		c, unknown := x.from.count()
		if unknown != nil {
			return unknown
		}
		n += c
	}
	return fact.Known(n, refs[0].from.f.at(refs[0].attr.SrcRange.Start))
}

// globalMembers says whether an Aurora global database has a member in
// another region: a second cluster in the tree names the same global
// cluster.
func (t *tree) globalMembers(r *resource, g *hclsyntax.Attribute) map[string]any {
	at := r.f.at(g.SrcRange.Start)
	want := r.f.source(g.Expr)
	if to, ok := reference(g.Expr); ok {
		for _, x := range t.refs[to] {
			if x.from != r && x.from.typ == r.typ && x.attr.Name == g.Name {
				return t.crossRegion(r, x.from, at)
			}
		}
	}
	return fact.Unknown(want, at)
}

// crossRegion says whether replica lives in another region than primary,
// at the position given.
func (t *tree) crossRegion(primary, replica *resource, at fact.At) map[string]any {
	p, r := t.region(primary), t.region(replica)
	switch {
	case p.known && r.known:
		return fact.Known(p.name != r.name, at)
	case p.config != "" && p.config == r.config:
		return fact.Known(false, at) // the same provider configuration, the same region
	case !r.known && r.expr != "":
		return fact.Unknown(r.expr, at)
	case !p.known && p.expr != "":
		return fact.Unknown(p.expr, at)
	}
	return fact.Unknown("region", at)
}

type region struct {
	name   string
	known  bool
	expr   string // what decides it, when unknown
	config string // the provider configuration it comes from, if any
}

// region is where a resource lives: its own region or location
// attribute, else the region of the provider configuration it uses.
func (t *tree) region(r *resource) region {
	for _, name := range []string{"region", "location"} {
		if a := r.attr(name); a != nil {
			if v, ok := value(a.Expr); ok {
				if s, isStr := v.(string); isStr {
					return region{name: strings.ToLower(s), known: true}
				}
			}
			return region{expr: name + " = " + r.f.source(a.Expr)}
		}
	}
	key, _, _ := strings.Cut(r.typ, "_")
	if a := r.attr("provider"); a != nil {
		key = r.f.source(a.Expr)
		if v, ok := value(a.Expr); ok { // "aws.standby" in the JSON syntax
			if s, isStr := v.(string); isStr {
				key = s
			}
		}
	}
	p := t.providers[key]
	if p == nil || p.region == nil {
		return region{config: key, expr: "provider " + key}
	}
	if v, ok := value(p.region.Expr); ok {
		if s, isStr := v.(string); isStr {
			return region{name: s, known: true, config: key}
		}
	}
	return region{config: key, expr: "region = " + p.f.source(p.region.Expr)}
}

// managementLock reads an Azure management lock on the resource: a
// CanNotDelete or ReadOnly lock keeps it from being deleted.
func (t *tree) managementLock(r *resource) {
	for _, x := range t.refs[r.address()] {
		if x.from.typ != "azurerm_management_lock" || x.attr.Name != "scope" {
			continue
		}
		r.set("deletion_protection", derive(x.from.f.read(x.from.block.Body, "lock_level", asString), func(v any) any {
			return v == "CanNotDelete" || v == "ReadOnly"
		}))
		return
	}
	r.byDefault("deletion_protection", false)
}

// preventDestroy reads the lifecycle block every resource may have:
// prevent_destroy makes Terraform refuse any plan that destroys it. It
// must be a literal, so it is never unknown.
func (r *resource) preventDestroy() {
	if lc := firstBlock(r.block.Body, "lifecycle"); lc != nil && lc.Body.Attributes["prevent_destroy"] != nil {
		r.set("prevent_destroy", r.f.read(lc.Body, "prevent_destroy", asBool))
		return
	}
	r.byDefault("prevent_destroy", false)
}
