package system

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// generated is a system of n services shaped like a real estate, as
// bench/gen's -system mode writes them: about five dependencies each,
// callees drawn with a heavy fan-in towards the last services (the
// platform), calls mostly forward with about 3% backward (cycles), tiers
// 0 to 3, 2% of the calls to a vendor no review names; every tenth
// service publishes an event that a few others consume, and a few data
// stores are named by two services.
func generated(n int) []Facts {
	r := rand.New(rand.NewPCG(uint64(n), 12))
	facts := make([]Facts, n)
	at := func(i, line int) At { return At{File: fmt.Sprintf("designs/svc-%05d.yaml", i), Line: line, Column: 3} }
	for i := range facts {
		tier := 0
		switch p := r.Float64(); {
		case p > 0.70:
			tier = 3
		case p > 0.35:
			tier = 2
		case p > 0.10:
			tier = 1
		}
		f := Facts{File: at(i, 1).File, Service: Service{Name: fmt.Sprintf("svc-%05d", i), File: at(i, 1).File, Tier: tier,
			Owner: fmt.Sprintf("team-%03d", i%300), Rotation: fmt.Sprintf("rot-%03d", i%450), At: at(i, 3)}, TierAt: at(i, 5)}
		f.Availability = &Measure{Value: 99.0 + float64(r.IntN(99))/100, At: at(i, 9)}
		f.APIs = []API{{Name: "api", Timeout: &Measure{Value: int64(500 + r.IntN(5000)), At: at(i, 12)}}}
		for k := range 2 + r.IntN(7) {
			callee := i + 1 + int(float64(n-i)*(1-r.Float64()*r.Float64()))
			if r.Float64() < 0.03 || callee >= n {
				callee = r.IntN(max(i, 1))
			}
			name := fmt.Sprintf("svc-%05d", callee)
			if r.Float64() < 0.02 {
				name = fmt.Sprintf("vendor-%d", r.IntN(50))
			}
			f.Dependencies = append(f.Dependencies, Dependency{Name: name, Hard: r.Float64() < 0.6, Sync: r.Float64() < 0.8,
				Attempts: 1 + r.IntN(4), At: at(i, 20+k*6)})
		}
		if i%10 == 0 {
			f.Publishes = []Publish{{Name: fmt.Sprintf("event-%d", i), Delivery: "at-least-once", At: at(i, 60)}}
		}
		if i > 10 && i%3 == 0 {
			f.Consumes = []Consume{{Name: fmt.Sprintf("event-%d", (i/30)*10), From: fmt.Sprintf("svc-%05d", (i/30)*10), At: at(i, 64)}}
		}
		f.DataStores = []DataStore{{Name: fmt.Sprintf("db-%d", i/2), Ownership: "exclusive", At: at(i, 70)}}
		facts[i] = f
	}
	return facts
}

func TestGeneratedSystem(t *testing.T) {
	facts := generated(10_000)
	s, ds := Build(facts)
	if len(ds) != 0 {
		t.Fatalf("diagnostics %v", ds[:min(3, len(ds))])
	}
	if len(s.Graph.Services) != 10_000 || len(s.Graph.Edges) < 40_000 {
		t.Fatalf("%d services, %d edges", len(s.Graph.Services), len(s.Graph.Edges))
	}
	if len(s.Derived.Cycles) == 0 {
		t.Error("the generated system has backward calls, so cycles")
	}
	for _, c := range s.Derived.Cycles {
		if len(c) > 10_000 {
			t.Fatalf("a cycle of %d services", len(c))
		}
	}
	for file := range 10_000 {
		in := s.Input(facts[file].File)
		deps := in["dependencies"].([]any)
		if len(deps) != len(facts[file].Dependencies) {
			t.Fatalf("%s: %d dependency entries in the input, %d in the review", facts[file].File, len(deps), len(facts[file].Dependencies))
		}
		for _, d := range deps {
			if p := d.(map[string]any)["amplification_path"].([]any); len(p) > MaxPathSteps {
				t.Fatalf("a path of %d steps", len(p))
			}
		}
	}
}

// BenchmarkSystem measures the system pass's Go side on generated
// systems: building the graph and its derived facts, then every review's
// _system input, as a run makes them. Per service, the cost should stay
// flat from 1,000 to 10,000 services (the issue allows 12× the time for
// 10× the services).
func BenchmarkSystem(b *testing.B) {
	for _, n := range []int{100, 1_000, 10_000} {
		facts := generated(n)
		b.Run(fmt.Sprintf("services=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				s, _ := Build(facts)
				for i := range facts {
					_ = s.Input(facts[i].File)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n)/1e3, "µs/service")
		})
	}
}

// BenchmarkBuild is Build alone: the graph and the derived facts.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1_000, 10_000} {
		facts := generated(n)
		b.Run(fmt.Sprintf("services=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Build(facts)
			}
		})
	}
}
