package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// System mode (-system) writes N design reviews that form one system, for
// bench/system.sh: service i is svc-NNNNN, and its dependencies name other
// services of the run, so the graph joins.
//
//   - About 5 dependencies each (2 to 8).
//   - Fan-in is power-law-ish: callees are drawn from a Zipf distribution
//     over the services, the last ones (the "platform") being called by
//     many and the first ones by few.
//   - Calls mostly go forward (to a larger number), so the graph is
//     layered like a real estate; about 3% go back, which makes cycles.
//   - Tiers 0 to 3 (10%, 25%, 35%, 30%); about 2% of the dependencies are
//     on a vendor no review names.
//   - Events join too: a review built on the fulfilment example consumes
//     order-placed from a service built on the checkout example, which
//     publishes it; data stores are each service's own.
//
// A file's content depends only on its number and N.
var (
	depsBlock    = regexp.MustCompile(`(?ms)^dependencies:\n.*?(^[a-z_]+:)`)
	sectionBlock = regexp.MustCompile(`(?ms)^(data_stores|events):\n.*?(^[a-z_]+:)`)
)

// baseServices are the service names of the bases, in bases order: a
// consumer naming one of them is pointed at a generated service built on
// that base.
var baseServices = []string{"checkout", "fulfilment", "promo-codes"}

func generateSystem(root, out string, n int, flip float64) error {
	if n < 2 {
		return fmt.Errorf("-system needs -n 2 or more")
	}
	srcs, err := readBases(root, out)
	if err != nil {
		return err
	}
	for i := range n {
		doc := systemReview(srcs[i%len(srcs)], i, n, flip)
		name := filepath.Join(out, fmt.Sprintf("svc-%05d.yaml", i))
		if err := os.WriteFile(name, doc, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func serviceName(i int) string { return fmt.Sprintf("svc-%05d", i) }

// systemReview is review number i of a system of n.
func systemReview(src []byte, i, n int, flip float64) []byte {
	rng := rand.New(rand.NewPCG(uint64(i), uint64(n)^0x5157))
	doc := setServiceName(vary(src, i, flip), serviceName(i))
	doc = tierLine.ReplaceAll(doc, []byte(fmt.Sprintf("  tier: %d", systemTier(rng))))
	deps := dependencies(rng, i, n)
	doc = replaceSection(doc, depsBlock, deps)
	doc = sectionBlock.ReplaceAllFunc(doc, func(block []byte) []byte {
		return ownEntries(block, i, n, rng)
	})
	return doc
}

// setServiceName rewrites the first name line, the service's.
func setServiceName(doc []byte, name string) []byte {
	loc := nameLine.FindSubmatchIndex(doc)
	if loc == nil {
		return doc
	}
	var b bytes.Buffer
	b.Write(doc[:loc[2]])
	b.WriteString(name)
	b.Write(doc[loc[3]:])
	return b.Bytes()
}

func systemTier(rng *rand.Rand) int {
	switch p := rng.Float64(); {
	case p < 0.10:
		return 0
	case p < 0.35:
		return 1
	case p < 0.70:
		return 2
	}
	return 3
}

// dependencies writes the dependencies section of service i.
func dependencies(rng *rand.Rand, i, n int) []byte {
	zipf := rand.NewZipf(rng, 1.2, 4, uint64(n-1))
	want := 2 + rng.IntN(7)
	seen := map[int]bool{i: true}
	var b bytes.Buffer
	b.WriteString("dependencies:\n")
	for k := 0; k < want; k++ {
		var to string
		if rng.Float64() < 0.02 {
			to = fmt.Sprintf("vendor-%d", rng.IntN(20))
		} else {
			j := -1
			for try := 0; try < 8; try++ {
				c := n - 1 - int(zipf.Uint64())
				if seen[c] {
					continue
				}
				// Forward calls, but for about 3%: those make the cycles.
				if c < i && rng.Float64() >= 0.03 {
					continue
				}
				j = c
				break
			}
			if j < 0 {
				continue
			}
			seen[j] = true
			to = serviceName(j)
		}
		criticality, interaction := "hard", "sync"
		if rng.Float64() < 0.3 {
			criticality = "soft"
		}
		if rng.Float64() < 0.2 {
			interaction = "async"
		}
		fmt.Fprintf(&b, "  - name: %s\n    kind: internal-service\n    criticality: %s\n    interaction: %s\n    protocol: grpc\n", to, criticality, interaction)
		fmt.Fprintf(&b, "    timeout_ms: %d\n    retries:\n      max_attempts: %d\n      backoff: exponential\n      base_delay_ms: 50\n      jitter: true\n      budget_percent: 10\n", 200+100*rng.IntN(10), 1+rng.IntN(3))
		fmt.Fprintf(&b, "    circuit_breaker: %t\n    bulkhead: true\n    fallback: %s\n", rng.Float64() < 0.8, []string{"cached-response", "fail-fast", "default-value"}[rng.IntN(3)])
	}
	if b.Len() == len("dependencies:\n") {
		return nil
	}
	b.WriteString("\n")
	return b.Bytes()
}

// replaceSection replaces the block re matches (a section up to the next
// top-level key, which is kept) with with.
func replaceSection(doc []byte, re *regexp.Regexp, with []byte) []byte {
	loc := re.FindSubmatchIndex(doc)
	if loc == nil {
		return doc
	}
	var b bytes.Buffer
	b.Write(doc[:loc[0]])
	b.Write(with)
	b.Write(doc[loc[2]:])
	return b.Bytes()
}

// ownEntries makes a data_stores or events section service i's own: its
// stores and published events get i's number; an event it consumes from
// one of the bases' services comes from a generated service built on that
// base, under that service's number, so producer and consumer match.
func ownEntries(block []byte, i, n int, rng *rand.Rand) []byte {
	lines := strings.Split(string(block), "\n")
	// Consume entries are rewritten once their from: is known.
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		owner := i
		for _, l := range lines[start:end] {
			if v, ok := strings.CutPrefix(l, "      from: "); ok {
				for b, name := range baseServices {
					if v == name {
						owner = producer(rng, b, n)
					}
				}
			}
		}
		for k := start; k < end; k++ {
			lines[k] = suffixed(lines[k], owner)
		}
		start = -1
	}
	inConsumes := false
	for k, l := range lines {
		switch {
		case strings.HasPrefix(l, "  consumes:"):
			flush(k)
			inConsumes = true
		case strings.HasPrefix(l, "  publishes:"):
			flush(k)
			inConsumes = false
		case strings.HasPrefix(l, "  - ") || strings.HasPrefix(l, "    - "):
			flush(k)
			if inConsumes {
				start = k
			} else {
				lines[k] = suffixed(l, i)
			}
		default:
			if !inConsumes || start < 0 {
				lines[k] = suffixed(l, i)
			}
		}
	}
	flush(len(lines))
	return []byte(strings.Join(lines, "\n"))
}

// producer picks a generated service built on base b.
func producer(rng *rand.Rand, b, n int) int {
	count := (n - b + len(bases) - 1) / len(bases)
	if count <= 0 {
		return b % n
	}
	return b + len(bases)*rng.IntN(count)
}

// suffixed gives an entry's name, topic or producer the number owner.
func suffixed(line string, owner int) string {
	for _, key := range []string{"  - name: ", "    - name: ", "      topic: ", "    topic: "} {
		if v, ok := strings.CutPrefix(line, key); ok && !strings.Contains(v, "svc-") {
			return fmt.Sprintf("%s%s-%05d", key, v, owner)
		}
	}
	if v, ok := strings.CutPrefix(line, "      from: "); ok {
		for _, name := range baseServices {
			if v == name {
				return "      from: " + serviceName(owner)
			}
		}
	}
	return line
}
