package artefact

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The target: a Terraform tree of 2,000 .tf files and a manifests
// folder of 5,000 documents each read in under 2 s. bench/artefacts.sh
// runs these and prints the figures.

// cpu is the process's user and system CPU time so far.
func cpu() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// measure runs read b.N times and reports, beside the wall time, the CPU
// time per read: on a shared machine the wall time also holds the turns
// of other processes, and the CPU time is what the read costs.
func measure(b *testing.B, read func()) {
	b.ResetTimer()
	start, n := cpu(), 0
	for b.Loop() {
		read()
		n++
	}
	b.ReportMetric((cpu()-start).Seconds()/float64(n), "cpu-s/op")
}

func generate(b *testing.B, dir string, files int, content func(i int) string) {
	b.Helper()
	for i := range files {
		sub := filepath.Join(dir, fmt.Sprintf("m%02d", i%40))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("f%04d.tf", i)), []byte(content(i)), 0o644); err != nil {
			b.Fatal(err)
		}
	}
}

func tfFile(i int) string {
	return fmt.Sprintf(`resource "aws_db_instance" "db%[1]d" {
  identifier              = "db-%[1]d"
  multi_az                = true
  storage_encrypted       = true
  backup_retention_period = var.retention
  deletion_protection     = true
}

resource "aws_s3_bucket" "b%[1]d" {
  bucket = "bucket-%[1]d"
}

resource "aws_s3_bucket_versioning" "b%[1]d" {
  bucket = aws_s3_bucket.b%[1]d.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_sqs_queue" "q%[1]d" {
  name = "q-%[1]d"
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.q%[1]d.arn
    maxReceiveCount     = 5
  })
}
`, i)
}

const manifest = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-%[1]d
  namespace: shop
spec:
  replicas: 3
  template:
    spec:
      topologySpreadConstraints:
        - topologyKey: topology.kubernetes.io/zone
          maxSkew: 1
      containers:
        - name: app
          image: registry.example.com/app:%[1]d
          env:
            - name: API_TOKEN
              valueFrom: {secretKeyRef: {name: app, key: token}}
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {memory: 256Mi}
          readinessProbe: {httpGet: {path: /ready, port: 8080}}
          livenessProbe: {httpGet: {path: /healthz, port: 8080}}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: app-%[1]d
spec:
  minAvailable: 2
`

func BenchmarkTerraform2000Files(b *testing.B) {
	root := b.TempDir()
	generate(b, filepath.Join(root, "infra"), 2000, tfFile)
	b.Chdir(root)
	measure(b, func() {
		out, ds := Read(".", Sources{Terraform: []Source{{Path: "infra"}}}, root)
		if len(ds) > 0 || out["terraform"].(map[string]any)["files"] != 2000 {
			b.Fatalf("%v", ds)
		}
	})
}

func BenchmarkKubernetes5000Documents(b *testing.B) {
	root := b.TempDir()
	dir := filepath.Join(root, "deploy")
	if err := os.Mkdir(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	// 250 files of 20 documents (10 Deployments and their budgets).
	for f := range 250 {
		var docs []string
		for d := range 10 {
			docs = append(docs, fmt.Sprintf(manifest, f*10+d))
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("app%03d.yaml", f)), []byte(strings.Join(docs, "---\n")), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.Chdir(root)
	measure(b, func() {
		out, ds := Read(".", Sources{Kubernetes: []Source{{Path: "deploy"}}}, root)
		if len(ds) > 0 || out["kubernetes"].(map[string]any)["documents"] != 5000 {
			b.Fatalf("%v %v", ds, out["kubernetes"].(map[string]any)["documents"])
		}
	})
}
