package terraform

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/archvet/archvet/internal/artefact/fact"
	"github.com/archvet/archvet/internal/diag"
)

// read reads the .tf files of testdata directories, in sorted order, as
// the walk hands them over.
func read(t *testing.T, dirs ...string) (map[string]map[string]any, diag.Diagnostics) {
	t.Helper()
	var files []string
	for _, d := range dirs {
		m, err := filepath.Glob(filepath.Join("testdata", d, "*.tf"))
		if err != nil || len(m) == 0 {
			t.Fatalf("no fixtures in %s", d)
		}
		files = append(files, m...)
	}
	sort.Strings(files)
	v, ds := Reader{}.Read(files, fact.DefaultLimits())
	out := map[string]map[string]any{}
	for _, r := range v.(map[string]any)["resources"].([]any) {
		res := r.(map[string]any)
		out[res["address"].(string)] = res
	}
	return out, ds
}

// show is fact.Format with the file's directory left out.
func show(f any) string {
	return dirs.ReplaceAllString(fact.Format(f), "@")
}

var dirs = regexp.MustCompile(`@[^@]*/`)

func TestReadsTheFactsOfEachResourceTypeAtTheirAttributes(t *testing.T) {
	res, ds := read(t, "aws", "other")
	if len(ds) > 0 {
		t.Fatalf("diagnostics: %v", ds)
	}
	for _, c := range []struct{ address, fact, want string }{
		{"aws_db_instance.orders", "backup_retention_days", "14@orders_db.tf:11:3"},
		{"aws_db_instance.orders", "point_in_time", "true@orders_db.tf:11:3"},
		{"aws_db_instance.orders", "multi_az", "true@orders_db.tf:8:3"},
		{"aws_db_instance.orders", "encrypted_at_rest", "true@orders_db.tf:9:3"},
		{"aws_db_instance.orders", "deletion_protection", "true@orders_db.tf:12:3"},
		// The replica uses the aliased provider in eu-central-1.
		{"aws_db_instance.orders", "replicas", "1@orders_db.tf:19:3"},
		{"aws_db_instance.orders", "cross_region_replica", "true@orders_db.tf:19:3"},
		{"aws_db_instance.orders_replica", "multi_az", "false@orders_db.tf:16:1 (default)"},
		{"aws_db_instance.orders_replica", "backups_enabled", "absent"}, // a replica keeps none
		{"aws_rds_cluster.payments_primary", "backup_retention_days", "1@global.tf:6:1 (default)"},
		{"aws_elasticache_replication_group.sessions", "replicas", "2@sessions.tf:6:3"},
		{"aws_elasticache_replication_group.sessions", "multi_az", "true@sessions.tf:8:3"},
		{"aws_elasticache_replication_group.sessions", "backups_enabled", "false@sessions.tf:10:3"},
		{"aws_rds_cluster.ledger", "replicas", "1@sessions.tf:22:3"},
		{"aws_rds_cluster.ledger", "multi_az", "true@sessions.tf:22:3"},
		{"aws_rds_cluster.ledger", "deletion_protection", "false@sessions.tf:13:1 (default)"},
		// Two clusters of one global database, in two provider regions.
		{"aws_rds_cluster.payments_primary", "cross_region_replica", "true@global.tf:8:3"},
		{"aws_rds_cluster.payments_primary", "deletion_protection", "true@global.tf:10:3"},
		{"aws_s3_bucket.receipts", "versioning", "true@storage.tf:8:5"},
		{"aws_s3_bucket.receipts", "encrypted_at_rest", "true@storage.tf:12:1"},
		// Joined by its literal name, not a reference.
		{"aws_s3_bucket.exports", "versioning", "false@storage.tf:29:5"},
		{"aws_dynamodb_table.carts", "point_in_time", "true@storage.tf:44:5"},
		{"aws_dynamodb_table.carts", "replicas", "1@storage.tf:47:3"},
		{"aws_dynamodb_table.carts", "cross_region_replica", "true@storage.tf:47:3"},
		{"aws_dynamodb_table.carts", "deletion_protection", "true@storage.tf:51:3"},
		{"aws_sqs_queue.payments", "dead_letter", "true@queues.tf:4:3"},
		{"aws_sqs_queue.emails", "dead_letter", "true@queues.tf:17:3"},
		{"aws_sqs_queue.payments_dlq", "dead_letter", "false@queues.tf:10:1 (default)"},
		{"google_sql_database_instance.catalog", "multi_az", "true@gcp.tf:8:5"},
		{"google_sql_database_instance.catalog", "backups_enabled", "true@gcp.tf:11:7"},
		{"google_sql_database_instance.catalog", "point_in_time", "true@gcp.tf:12:7"},
		{"google_sql_database_instance.catalog", "backup_retention_days", "30@gcp.tf:14:9"},
		{"google_sql_database_instance.catalog", "deletion_protection", "false@gcp.tf:19:3"},
		{"google_sql_database_instance.catalog", "cross_region_replica", "true@gcp.tf:24:3"},
		{"google_sql_database_instance.catalog_replica", "deletion_protection", "true@gcp.tf:22:1 (default)"},
		{"google_storage_bucket.images", "versioning", "true@gcp.tf:37:5"},
		{"google_storage_bucket.images", "cross_region_replica", "true@gcp.tf:35:3"},
		{"azurerm_postgresql_flexible_server.billing", "backup_retention_days", "35@azure.tf:7:3"},
		{"azurerm_postgresql_flexible_server.billing", "cross_region_backup", "true@azure.tf:8:3"},
		{"azurerm_postgresql_flexible_server.billing", "multi_az", "true@azure.tf:11:5"},
		{"azurerm_postgresql_flexible_server.billing", "point_in_time", "true@azure.tf:1:1 (default)"},
		{"azurerm_postgresql_flexible_server.billing", "replicas", "1@azure_replica.tf:6:3"},
		{"azurerm_postgresql_flexible_server.billing", "cross_region_replica", "true@azure_replica.tf:6:3"},
		{"azurerm_storage_account.invoices", "multi_az", "true@azure.tf:20:3"},
		// A replication configuration to a bucket in the DR provider's region.
		{"aws_s3_bucket.ledger_exports", "cross_region_replica", "true@replication.tf:18:7"},
		{"aws_sqs_queue.refunds", "dead_letter", "true@replication.tf:30:3"},
		{"aws_sqs_queue.legacy", "dead_letter", "true@replication.tf:56:3"}, // a heredoc that interpolates the ARN
		{"aws_elasticache_replication_group.rates", "cross_region_replica", "true@replication.tf:39:3"},
		{"aws_elasticache_replication_group.rates", "replicas", "1@replication.tf:40:3"},
		// Retention 0 turns backups off; a provider with no configuration
		// in the tree leaves the replica's region unknown.
		{"aws_db_instance.reporting", "backups_enabled", "false@replication.tf:46:3"},
		{"aws_db_instance.reporting", "point_in_time", "false@replication.tf:46:3"},
		{"aws_db_instance.reporting", "cross_region_replica", "?provider aws.reporting@replication.tf:51:3"},
		{"azurerm_storage_account.invoices", "cross_region_replica", "true@azure.tf:20:3"},
		{"azurerm_storage_account.invoices", "versioning", "true@azure.tf:23:5"},
	} {
		r, ok := res[c.address]
		if !ok {
			t.Errorf("%s not read", c.address)
			continue
		}
		if got := show(r["facts"].(map[string]any)[c.fact]); got != c.want {
			t.Errorf("%s %s = %s, want %s", c.address, c.fact, got, c.want)
		}
	}
	for _, helper := range []string{"aws_kms_key.orders", "aws_s3_bucket_versioning.receipts", "aws_rds_cluster_instance.ledger", "azurerm_resource_group.billing"} {
		if _, ok := res[helper]; ok {
			t.Errorf("%s is listed; only data stores are", helper)
		}
	}
}

func TestResourceIdentity(t *testing.T) {
	res, _ := read(t, "aws")
	r := res["aws_db_instance.orders"]
	got := fmt.Sprintf("%s %s %s %s %s", r["type"], r["provider"], r["kind"], r["name"], show(map[string]any{"value": "", "at": r["at"]}))
	if want := "aws_db_instance aws relational orders-primary @orders_db.tf:2:1"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if got := res["aws_db_instance.orders_replica"]["replica_of"]; got != "aws_db_instance.orders" {
		t.Errorf("replica_of = %v", got)
	}
	// Without a literal identifier the name is the label.
	res, _ = read(t, "expressions")
	if got := res["aws_db_instance.inventory"]["name"]; got != "inventory" {
		t.Errorf("name = %v, want the label", got)
	}
}

func TestExpressionsAreUnknownNotErrors(t *testing.T) {
	res, ds := read(t, "expressions")
	if len(ds) > 0 {
		t.Fatalf("an expression gave diagnostics: %v", ds)
	}
	for _, c := range []struct{ address, fact, want string }{
		{"aws_db_instance.inventory", "backup_retention_days", "?var.retention@main.tf:12:3"},
		{"aws_db_instance.inventory", "point_in_time", "?var.retention@main.tf:12:3"},
		{"aws_db_instance.inventory", "multi_az", `?var.env == "prod" ? true : false@main.tf:13:3`},
		{"aws_db_instance.inventory", "encrypted_at_rest", "?local.encrypt@main.tf:14:3"},
		{"aws_db_instance.inventory", "deletion_protection", `?lookup(local.flags, "protect", true)@main.tf:15:3`},
		{"aws_dynamodb_table.events", "point_in_time", "?!var.cheap@main.tf:21:5"},
		{"aws_dynamodb_table.events", "replicas", "?for_each = var.replica_regions@main.tf:23:3"},
		{"aws_sqs_queue.jobs", "dead_letter", "?var.redrive_policy@main.tf:33:3"},
	} {
		if got := show(res[c.address]["facts"].(map[string]any)[c.fact]); got != c.want {
			t.Errorf("%s %s = %s, want %s", c.address, c.fact, got, c.want)
		}
	}
}

func TestLiteralsAreReadAsWritten(t *testing.T) {
	dir := t.TempDir()
	src := `resource "aws_db_instance" "a" {
  backup_retention_period = "7"
  multi_az                = "true"
  deletion_protection     = "${true}"
  storage_encrypted       = "yes"
}
resource "aws_elasticache_replication_group" "b" {
  replicas_per_node_group = -1
}
`
	path := filepath.Join(dir, "a.tf")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	v, ds := Reader{}.Read([]string{path}, fact.DefaultLimits())
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	got := map[string]string{}
	for _, r := range v.(map[string]any)["resources"].([]any) {
		for k, f := range r.(map[string]any)["facts"].(map[string]any) {
			got[r.(map[string]any)["address"].(string)+" "+k] = show(f)
		}
	}
	for k, want := range map[string]string{
		"aws_db_instance.a backup_retention_days":             "7@a.tf:2:3",
		"aws_db_instance.a multi_az":                          "true@a.tf:3:3",
		"aws_db_instance.a deletion_protection":               "true@a.tf:4:3",
		"aws_db_instance.a encrypted_at_rest":                 `?"yes"@a.tf:5:3`, // not a boolean: Terraform would refuse it
		"aws_elasticache_replication_group.b replicas":        "-1@a.tf:8:3",
		"aws_elasticache_replication_group.b multi_az":        "false@a.tf:7:1 (default)",
		"aws_elasticache_replication_group.b backups_enabled": "false@a.tf:7:1 (default)",
	} {
		if got[k] != want {
			t.Errorf("%s = %s, want %s", k, got[k], want)
		}
	}
}

func TestASyntaxErrorIsReportedAndTheOtherFilesRead(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "a_broken.tf")
	good := filepath.Join(dir, "b_good.tf")
	if err := os.WriteFile(bad, []byte("resource \"aws_sqs_queue\" \"q\" {\n  name = \"q\"\n  redrive_policy = {\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(good, []byte("resource \"aws_sqs_queue\" \"ok\" {\n  name = \"ok\"\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	v, ds := Reader{}.Read([]string{bad, good}, fact.DefaultLimits())
	if want := bad + ":1:30: error: Unclosed configuration block"; len(ds) != 1 || !strings.HasPrefix(ds[0].Error(), want) {
		t.Fatalf("want %s…, got %v", want, ds)
	}
	out := v.(map[string]any)
	if out["files"] != 1 || len(out["resources"].([]any)) != 1 {
		t.Errorf("the good file was not read: %v", out)
	}
}

// TestReadsTheJSONSyntax reads a .tf.json file as its native twin is
// read: literals known at the JSON value, "${...}" strings unknown, joins
// through references in strings, nested blocks (lifecycle, versioning,
// repeated replicas) from objects and lists of objects.
func TestReadsTheJSONSyntax(t *testing.T) {
	v, ds := Reader{}.Read([]string{"testdata/json/stores.tf.json"}, fact.DefaultLimits())
	if len(ds) > 0 {
		t.Fatalf("diagnostics: %v", ds)
	}
	res := map[string]map[string]any{}
	for _, r := range v.(map[string]any)["resources"].([]any) {
		res[r.(map[string]any)["address"].(string)] = r.(map[string]any)
	}
	for _, c := range []struct{ address, fact, want string }{
		{"aws_db_instance.orders", "backup_retention_days", "21@stores.tf.json:13:9"},
		{"aws_db_instance.orders", "point_in_time", "true@stores.tf.json:13:9"},
		{"aws_db_instance.orders", "multi_az", "true@stores.tf.json:14:9"},
		{"aws_db_instance.orders", "encrypted_at_rest", "?${var.encrypted}@stores.tf.json:15:9"},
		{"aws_db_instance.orders", "deletion_protection", "true@stores.tf.json:16:9"},
		{"aws_db_instance.orders", "prevent_destroy", "true@stores.tf.json:17:23"},
		{"aws_db_instance.orders", "replicas", "1@stores.tf.json:22:9"},
		{"aws_db_instance.orders", "cross_region_replica", "true@stores.tf.json:22:9"},
		{"aws_db_instance.orders_replica", "prevent_destroy", "false@stores.tf.json:19:7 (default)"},
		{"aws_s3_bucket.audit", "versioning", "true@stores.tf.json:31:38"},
		{"aws_s3_bucket.audit", "deletion_protection", "true@stores.tf.json:26:40"},
		{"aws_dynamodb_table.carts", "replicas", "2@stores.tf.json:37:21"},
	} {
		got := "absent"
		if f, ok := res[c.address]["facts"].(map[string]any)[c.fact]; ok {
			got = show(f)
		}
		if got != c.want {
			t.Errorf("%s %s = %s, want %s", c.address, c.fact, got, c.want)
		}
	}
	if n := res["aws_db_instance.orders_replica"]["replica_of"]; n != "aws_db_instance.orders" {
		t.Errorf("replica_of = %v", n)
	}
}

// TestHostileJSONIsAnErrorAtItsPosition: JSON that does not parse, nests
// past the limit or is not UTF-8 is an error in that file, and the other
// files are still read.
func TestHostileJSONIsAnErrorAtItsPosition(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ name, src, want string }{
		{"broken.tf.json", "{\"resource\": {\n  \"aws_s3_bucket\": [}\n}", ":2:21: error: Missing JSON value"},
		{"deep.tf.json", strings.Repeat("[", 150) + strings.Repeat("]", 150), ":1:101: error: the document nests deeper than 100 levels; the file is not read"},
		{"binary.tf.json", "{\"a\": \"\xff\"}", ":1:1: error: file is not valid UTF-8 text"},
		{"template.tf.json", `{"resource": {"aws_s3_bucket": {"b": {"bucket": "${"}}}}`, ":1:52: error: Missing expression"},
	} {
		path := filepath.Join(dir, c.name)
		if err := os.WriteFile(path, []byte(c.src), 0o644); err != nil {
			t.Fatal(err)
		}
		v, ds := Reader{}.Read([]string{path, "testdata/json/stores.tf.json"}, fact.DefaultLimits())
		if !ds.HasErrors() || !strings.HasPrefix(ds[0].Error(), path+c.want) {
			t.Errorf("%s: want an error at %s%s…, got %v", c.name, path, c.want, ds)
		}
		if n := len(v.(map[string]any)["resources"].([]any)); n < 4 {
			t.Errorf("%s: the other file was not read (%d resources)", c.name, n)
		}
	}
}

// TestDeepTemplatesInJSONAreRefused: a string of a .tf.json file is a
// template, and one nested past the limit is an error at the string, as
// it is in a .tf file, never a crash.
func TestDeepTemplatesInJSONAreRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "deep.tf.json")
	src := `{"resource": {"aws_s3_bucket": {"b": {"bucket": "${` + strings.Repeat("(", 100000) + "1" + strings.Repeat(")", 100000) + `}"}}}}`
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	_, ds := Reader{}.Read([]string{path}, fact.DefaultLimits())
	if !ds.HasErrors() || !strings.HasPrefix(ds[0].Error(), path+":1:49: error: the string's template nests brackets or operators more than 10000 levels deep") {
		t.Errorf("got %v", ds)
	}
}
