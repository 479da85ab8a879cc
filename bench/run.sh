#!/usr/bin/env bash
# bench/run.sh times whole-process runs of three tools on the same design
# reviews and the same catalogue, and prints a Markdown table:
#
#   archvet   archvet check --format json=FILE --fail-on none DIR
#   conftest  conftest test --all-namespaces -p POLICY DIR, on the bundle
#             archvet bundle exports (unpacked: conftest reads .rego files)
#   floor     bench/floor: the bundle's one prepared query over each file
#             decoded with yaml.v3, and nothing else
#
# for 1, 100, 1,000 and 10,000 files generated from the examples by
# bench/gen. Each time is the median of BENCH_RUNS runs (5) of a fresh
# process; peak RSS is the largest of /usr/bin/time's %M over those runs.
#
#   bash bench/run.sh                  # the full run, about 40 minutes
#   BENCH_QUICK=1 bash bench/run.sh    # 2 runs, up to 1,000 files, conftest up to 100
#
# It then measures the peak RSS of one run per output format on
# BENCH_MEMORY_N (5,000) files, and of the composite action's command
# (--format text --format sarif=F --format html=H --format junit=J), and
# prints that as a second table (BENCH_MEMORY_N=0 skips it).
#
# Settings: BENCH_RUNS, BENCH_SIZES ("1 100 1000 10000"), BENCH_CONFTEST_MAX
# (1000: conftest takes about a quarter of a second per file on one core,
# so 10,000 files would be 40 minutes a run). Everything goes to bench/out/
# (git-ignored): binaries, designs, reports, and results.md.
set -euo pipefail

cd "$(dirname "$0")/.."
out=bench/out
bin=$out/bin

if [[ -n "${BENCH_QUICK:-}" ]]; then
	runs=${BENCH_RUNS:-2}
	sizes=${BENCH_SIZES:-"1 100 1000"}
	conftest_max=${BENCH_CONFTEST_MAX:-100}
else
	runs=${BENCH_RUNS:-5}
	sizes=${BENCH_SIZES:-"1 100 1000 10000"}
	conftest_max=${BENCH_CONFTEST_MAX:-1000}
fi

# The floor runs with archvet's collector settings (cmd/archvet/gc.go), so
# that archvet/floor measures what archvet does besides evaluating, not
# the choice of GOGC.
floor_env=(GOGC=400 GOMEMLIMIT=96MiB)

log() { printf '%s\n' "$*" >&2; }

mkdir -p "$bin" "$out/reports"

log "building archvet, the floor and the generator"
go build -o "$bin/archvet" ./cmd/archvet
go build -o "$bin/floor" ./bench/floor
go build -o "$bin/gen" ./bench/gen
go build -o "$bin/catalogues" ./bench/catalogues
if [[ ! -x "$bin/conftest" ]]; then
	log "installing conftest v0.69.0 (a few minutes, once)"
	GOBIN="$PWD/$bin" go install github.com/open-policy-agent/conftest@v0.69.0
fi

log "exporting the catalogue as a bundle"
"$bin/archvet" bundle -o "$out/archvet-bundle.tar.gz" >&2
rm -rf "$out/policy"
mkdir -p "$out/policy"
tar -xzf "$out/archvet-bundle.tar.gz" -C "$out/policy" 2>/dev/null

memory_n=${BENCH_MEMORY_N:-5000}
for n in $sizes $( ((memory_n > 0)) && echo "$memory_n"); do
	dir=$out/designs/$n
	if [[ ! -d $dir ]] || [[ $(find "$dir" -name '*.yaml' | wc -l) -ne $n ]]; then
		log "generating $n design reviews"
		rm -rf "$dir"
		"$bin/gen" -n "$n" -o "$dir"
	fi
done

# once NAME N CMD... runs CMD once and records its wall time (ms) and
# peak RSS (KB) under NAME,N. A run that fails stops the benchmark: a tool
# that errors out early would look fast.
declare -A times rss
once() {
	local name=$1 n=$2
	shift 2
	local start end kb
	start=$(date +%s%N)
	if ! /usr/bin/time -f %M -o "$out/time.txt" "$@" >/dev/null 2>"$out/stderr.txt"; then
		log "$name on $n files failed:"
		cat "$out/stderr.txt" >&2
		exit 1
	fi
	end=$(date +%s%N)
	kb=$(tail -n 1 "$out/time.txt")
	times[$name,$n]+="$(((end - start) / 1000000)) "
	if ((kb > ${rss[$name,$n]:-0})); then
		rss[$name,$n]=$kb
	fi
	log "  $name, $n files: $(((end - start) / 1000000)) ms, $kb KB"
}

# median NAME N is the median of the times recorded under NAME,N.
median() {
	printf '%s\n' ${times[$1,$2]} | sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'
}

# Warm the page cache (binaries, policies, the smallest designs) so that
# the first timed run is not also the first read from disk.
smallest=${sizes%% *}
"$bin/archvet" check --fail-on none --format json="$out/reports/warm.json" "$out/designs/$smallest" >/dev/null
"$bin/conftest" test --all-namespaces --no-fail -o json -p "$out/policy" "$out/designs/$smallest" >/dev/null
env "${floor_env[@]}" "$bin/floor" -bundle "$out/archvet-bundle.tar.gz" "$out/designs/$smallest" >/dev/null

# Runs are interleaved, every tool and size once per round, so that a
# machine that slows down for a while (a shared host) slows every column
# alike instead of one of them.
startload=$(cut -d' ' -f1-3 /proc/loadavg)
for ((round = 1; round <= runs; round++)); do
	log "round $round of $runs"
	for n in $sizes; do
		dir=$out/designs/$n
		once archvet "$n" "$bin/archvet" check --fail-on none --format json="$out/reports/archvet-$n.json" "$dir"
		once floor "$n" env "${floor_env[@]}" "$bin/floor" -bundle "$out/archvet-bundle.tar.gz" "$dir"
		if ((n <= conftest_max)); then
			once conftest "$n" "$bin/conftest" test --all-namespaces --no-fail -o json -p "$out/policy" "$dir"
		fi
	done
done

declare -A a_t a_m c_t c_m f_t f_m
for n in $sizes; do
	a_t[$n]=$(median archvet "$n")
	a_m[$n]=${rss[archvet,$n]}
	f_t[$n]=$(median floor "$n")
	f_m[$n]=${rss[floor,$n]}
	if ((n <= conftest_max)); then
		c_t[$n]=$(median conftest "$n")
		c_m[$n]=${rss[conftest,$n]}
	fi
done

# Formatting helpers: seconds from milliseconds, MB from KB, ratios.
secs() { awk -v ms="$1" 'BEGIN {printf (ms < 10000 ? "%.2f" : "%.1f"), ms / 1000}'; }
thousands() { echo "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/' -e 'ta'; }
mb() { awk -v kb="$1" 'BEGIN {printf "%.0f", kb / 1024}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf (a / b < 10 ? "%.2f" : "%.1f"), a / b}'; }
check() { if awk -v v="$1" -v lim="$2" -v op="$3" 'BEGIN {exit !((op == "<=") ? v <= lim : v >= lim)}'; then echo met; else echo "**missed**"; fi; }

{
	echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1024 / 1024}' /proc/meminfo) of memory, $(go version | awk '{print $3}'); load average $startload when the timing began. Median of $runs runs each, interleaved; peak RSS is the largest of the runs."
	echo
	echo "| files | archvet | conftest | floor | conftest ÷ archvet | archvet ÷ floor | archvet RSS | conftest RSS | floor RSS |"
	echo "|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
	for n in $sizes; do
		if [[ -n "${c_t[$n]:-}" ]]; then
			ct="$(secs "${c_t[$n]}") s"
			cr="$(ratio "${c_t[$n]}" "${a_t[$n]}")×"
			cm="$(mb "${c_m[$n]}") MB"
		else
			ct="not run (capped at $(thousands "$conftest_max") files)"
			cr="–"
			cm="–"
		fi
		printf '| %s | %s s | %s | %s s | %s | %s× | %s MB | %s | %s MB |\n' \
			"$(thousands "$n")" "$(secs "${a_t[$n]}")" "$ct" "$(secs "${f_t[$n]}")" "$cr" \
			"$(ratio "${a_t[$n]}" "${f_t[$n]}")" "$(mb "${a_m[$n]}")" "$cm" "$(mb "${f_m[$n]}")"
	done
	echo
	echo "| target | figure | |"
	echo "|---|---|---|"
	if [[ -n "${a_t[1000]:-}" && -n "${c_t[1000]:-}" ]]; then
		r=$(ratio "${c_t[1000]}" "${a_t[1000]}")
		echo "| 1,000 files: archvet at least 20× faster than conftest | ${r}× | $(check "$r" 20 ">=") |"
	fi
	if [[ -n "${a_t[1000]:-}" ]]; then
		r=$(ratio "${a_t[1000]}" "${f_t[1000]}")
		echo "| 1,000 files: archvet within 1.5× of the floor | ${r}× | $(check "$r" 1.5 "<=") |"
	fi
	if [[ -n "${a_t[1]:-}" && -n "${c_t[1]:-}" ]]; then
		r=$(ratio "${a_t[1]}" "${c_t[1]}")
		echo "| 1 file, cold: archvet no slower than conftest | archvet takes ${r}× conftest's time | $(check "$r" 1 "<=") |"
	fi
	if [[ -n "${a_t[10000]:-}" && -n "${a_t[1000]:-}" ]]; then
		r=$(ratio "${a_t[10000]}" "${a_t[1000]}")
		echo "| 10,000 files within 11× of 1,000 files | ${r}× | $(check "$r" 11 "<=") |"
	fi
	if [[ -n "${a_m[1000]:-}" ]]; then
		m=$(mb "${a_m[1000]}")
		echo "| peak RSS under 150 MB on 1,000 files | $m MB | $(check "$m" 149.999 "<=") |"
	fi
	if [[ -n "${a_m[10000]:-}" ]]; then
		m=$(mb "${a_m[10000]}")
		echo "| peak RSS under 200 MB on 10,000 files | $m MB | $(check "$m" 199.999 "<=") |"
	fi
} | tee "$out/results.md"

# Memory by output format: every format streams or bounds what it holds,
# so peak RSS should not grow with the number of files.
if ((memory_n > 0)); then
	dir=$out/designs/$memory_n
	r=$out/reports/mem
	mkdir -p "$r"
	declare -A mem
	memrun() {
		local label=$1
		shift
		if ! /usr/bin/time -f %M -o "$out/time.txt" "$bin/archvet" check --fail-on none "$@" "$dir" >/dev/null 2>"$out/stderr.txt"; then
			log "$label on $memory_n files failed:"
			cat "$out/stderr.txt" >&2
			exit 1
		fi
		mem[$label]=$(tail -n 1 "$out/time.txt")
		log "  $label, $memory_n files: ${mem[$label]} KB"
	}
	log "peak RSS by format on $memory_n files"
	formats=(text json sarif junit html markdown github codeclimate)
	for f in "${formats[@]}"; do
		memrun "$f" --format "$f=$r/out.$f"
	done
	action="--format text --format sarif=F --format html=H --format junit=J"
	memrun action --format text --format sarif="$r/a.sarif" --format html="$r/a.html" --format junit="$r/a.xml"
	{
		echo
		echo "Peak RSS of one run on $(thousands "$memory_n") files, by output format (written to a file; text to standard output for the last row):"
		echo
		echo "| format | peak RSS |"
		echo "|---|--:|"
		for f in "${formats[@]}"; do
			printf '| %s | %s MB |\n' "$f" "$(mb "${mem[$f]}")"
		done
		printf '| %s | %s MB |\n' "\`$action\`" "$(mb "${mem[action]}")"
		m=$(mb "${mem[action]}")
		echo
		echo "| target | figure | |"
		echo "|---|---|---|"
		echo "| peak RSS under 300 MB for the action's formats on $(thousands "$memory_n") files | $m MB | $(check "$m" 299.999 "<=") |"
	} | tee -a "$out/results.md"
fi

# The catalogue against the one exported at the start of issue 11
# (bench/baseline), on the same generated reviews: evaluation CPU time per
# file on one goroutine, so that neighbours on a shared host do not count.
cat_n=${sizes##* }
((cat_n > 1000)) && cat_n=1000
log "old and new catalogue on $cat_n files"
for e in topdown wasm; do
	"$bin/catalogues" -rounds 3 -evaluator "$e" -old bench/baseline/archvet-b2a9753.tar.gz -new "$out/archvet-bundle.tar.gz" "$out/designs/$cat_n" >"$out/catalogues-$e.txt"
done
{
	c=$out/catalogues-topdown.txt
	echo
	echo "Evaluation CPU time per file, catalogue exported at the start of issue 11 ($(awk '/^old_rules/ {print $2}' "$c") rules, topdown) against the current one ($(awk '/^new_rules/ {print $2}' "$c") rules), on $(thousands "$cat_n") generated reviews:"
	echo
	echo "| new catalogue evaluated with | old | new | old ÷ new | target ≥ 2 |"
	echo "|---|--:|--:|--:|---|"
	for e in topdown wasm; do
		c=$out/catalogues-$e.txt
		r=$(awk '/^ratio/ {print $2}' "$c")
		printf '| %s | %s ms | %s ms | %s | %s |\n' "$e" "$(awk '/^old_us/ {printf "%.1f", $2 / 1000}' "$c")" "$(awk '/^new_us/ {printf "%.1f", $2 / 1000}' "$c")" "$r" "$(check "$r" 2 ">=")"
	done
} | tee -a "$out/results.md"
