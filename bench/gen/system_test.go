package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestSystemShape generates a system of 300 services and checks what
// bench/system.sh relies on: every dependency names a service of the run
// (or one of the few vendors), about 5 per service, fan-in skewed towards
// a few platform services, some calls backwards (cycles), every tier, and
// the same bytes for the same N.
func TestSystemShape(t *testing.T) {
	const n = 300
	dir := t.TempDir()
	if err := generateSystem(filepath.Join("..", ".."), dir, n, 0.08); err != nil {
		t.Fatal(err)
	}
	depName := regexp.MustCompile(`(?m)^  - name: (\S+)\n    kind: internal-service`)
	tierOf := regexp.MustCompile(`(?m)^  tier: (\d)$`)
	fanIn := map[string]int{}
	tiers := map[string]bool{}
	deps, back, vendors := 0, 0, 0
	for i := range n {
		src, err := os.ReadFile(filepath.Join(dir, serviceName(i)+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(src, []byte("  name: "+serviceName(i)+"\n")) {
			t.Fatalf("%s does not name its service", serviceName(i))
		}
		if m := tierOf.FindSubmatch(src); m != nil {
			tiers[string(m[1])] = true
		}
		for _, m := range depName.FindAllSubmatch(src, -1) {
			to := string(m[1])
			deps++
			switch {
			case strings.HasPrefix(to, "vendor-"):
				vendors++
			case strings.HasPrefix(to, "svc-"):
				fanIn[to]++
				if to < serviceName(i) {
					back++
				}
			default:
				t.Fatalf("%s depends on %q, no service of the run", serviceName(i), to)
			}
		}
	}
	if mean := float64(deps) / n; mean < 4 || mean > 6 {
		t.Errorf("%.1f dependencies per service, want about 5", mean)
	}
	most := 0
	for _, k := range fanIn {
		most = max(most, k)
	}
	if most < 10*deps/n {
		t.Errorf("the most called service has %d callers, not the power-law hub (mean fan-in %d)", most, deps/n)
	}
	if back == 0 || back > deps/10 {
		t.Errorf("%d backward calls of %d: want a few, for cycles", back, deps)
	}
	if vendors == 0 || len(tiers) != 4 {
		t.Errorf("%d vendor dependencies, tiers %v", vendors, tiers)
	}
	again := t.TempDir()
	if err := generateSystem(filepath.Join("..", ".."), again, n, 0.08); err != nil {
		t.Fatal(err)
	}
	for _, i := range []int{0, 7, n - 1} {
		a, _ := os.ReadFile(filepath.Join(dir, serviceName(i)+".yaml"))
		b, _ := os.ReadFile(filepath.Join(again, serviceName(i)+".yaml"))
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between two runs", serviceName(i))
		}
	}
}
