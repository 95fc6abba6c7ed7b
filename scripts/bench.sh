#!/usr/bin/env bash
# Whole-run timings for BENCHMARKS.md: stancemap and the baseline program (read + one
# aho-corasick automaton + unicode-segmentation's sentence bounds, examples/baseline.rs) over
# the same generated corpus, at 1 and 2 threads, best of N runs, with peak resident memory
# from /usr/bin/time -v. Prints a Markdown section; with --write, replaces the section between
# the markers in BENCHMARKS.md.
#
#   scripts/bench.sh [--mb 100] [--runs 3] [--memory-gb 0] [--write]
#
# --memory-gb G also runs stancemap once over a G GB corpus (2 threads) for peak memory.
# Corpora are generated from corpus/ with `stancemap generate` into $BENCH_DIR
# (default /tmp/stancemap-bench) and reused when present.
set -euo pipefail

mb=100
runs=3
memory_gb=0
write=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --mb) mb="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        --memory-gb) memory_gb="$2"; shift 2 ;;
        --write) write=1; shift ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${BENCH_DIR:-/tmp/stancemap-bench}"
mkdir -p "$dir"
if [[ ! -x /usr/bin/time ]]; then
    echo "needs /usr/bin/time (GNU time; apt-get install time)" >&2
    exit 1
fi

cd "$root"
cargo build --release --quiet --bin stancemap --example baseline
bin="$root/target/release/stancemap"
base="$root/target/release/examples/baseline"

corpus_of() { # MB → folder, generated once
    local size="$1" out="$dir/corpus-${1}mb"
    if [[ ! -f "$out/.done" ]]; then
        rm -rf "$out"
        "$bin" generate --from "$root/corpus" --out "$out" --mb "$size" --seed 1 >&2
        touch "$out/.done"
    fi
    echo "$out"
}

# Runs "$@" under /usr/bin/time -v; prints "seconds peak_kb".
timed() {
    local log
    log="$(mktemp)"
    /usr/bin/time -v "$@" >/dev/null 2>"$log"
    local wall kb
    wall="$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')"
    kb="$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')"
    rm -f "$log"
    # m:ss.cc or h:mm:ss → seconds
    echo "$wall" | awk -F: -v kb="$kb" '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s, kb }'
}

# Best (smallest) time of $runs runs of "$@"; prints "seconds peak_kb" of that run.
best() {
    local best_s="" best_kb=""
    for ((r = 0; r < runs; r++)); do
        read -r s kb < <(timed "$@")
        if [[ -z "$best_s" ]] || awk -v a="$s" -v b="$best_s" 'BEGIN { exit !(a < b) }'; then
            best_s="$s"; best_kb="$kb"
        fi
    done
    echo "$best_s $best_kb"
}

corpus="$(corpus_of "$mb")"
bytes="$(find "$corpus" -type f -name '*.txt' -printf '%s\n' | awk '{ s += $1 } END { print s }')"
mbs() { awk -v b="$bytes" -v s="$1" 'BEGIN { printf "%.1f", b / 1e6 / s }'; }

rows=()
declare -A speed
for threads in 1 2; do
    read -r bs bkb < <(best "$base" "$corpus" "$threads")
    out="$dir/tables-$threads"
    rm -rf "$out"
    read -r ss skb < <(best bash -c "rm -rf '$out' && '$bin' run '$corpus' --out '$out' --threads $threads")
    speed[base$threads]="$(mbs "$bs")"
    speed[sm$threads]="$(mbs "$ss")"
    rows+=("| baseline | $threads | $bs | ${speed[base$threads]} | $((bkb / 1024)) |")
    rows+=("| stancemap | $threads | $ss | ${speed[sm$threads]} | $((skb / 1024)) |")
done
ratio1="$(awk -v a="${speed[sm1]}" -v b="${speed[base1]}" 'BEGIN { printf "%.2f", a / b }')"
ratio2="$(awk -v a="${speed[sm2]}" -v b="${speed[base2]}" 'BEGIN { printf "%.2f", a / b }')"
scale="$(awk -v a="${speed[sm2]}" -v b="${speed[sm1]}" 'BEGIN { printf "%.2f", a / b }')"
scale_base="$(awk -v a="${speed[base2]}" -v b="${speed[base1]}" 'BEGIN { printf "%.2f", a / b }')"

memory_row=""
if [[ "$memory_gb" != 0 ]]; then
    big="$(corpus_of $((memory_gb * 1000)))"
    big_bytes="$(find "$big" -type f -name '*.txt' -printf '%s\n' | awk '{ s += $1 } END { print s }')"
    rm -rf "$dir/tables-mem"
    read -r ms mkb < <(timed "$bin" run "$big" --out "$dir/tables-mem" --threads 2)
    memory_row="Memory: stancemap over $(awk -v b="$big_bytes" 'BEGIN { printf "%.2f", b / 1e9 }') GB \
($(find "$big" -name '*.txt' | wc -l) articles), 2 threads: peak resident $((mkb / 1024)) MB, \
$(awk -v b="$big_bytes" -v s="$ms" 'BEGIN { printf "%.1f", b / 1e6 / s }') MB/s."
fi

cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
section="$(cat <<EOF
<!-- bench:start -->
Measured $(date -u +%Y-%m-%d) by \`scripts/bench.sh --mb $mb --runs $runs${memory_gb:+ --memory-gb $memory_gb}\` on
$cpu, $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo) GB RAM,
$(uname -sr), $(rustc --version | cut -d' ' -f1-2). Corpus: $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB,
$(find "$corpus" -name '*.txt' | wc -l) articles generated from \`corpus/\` (seed 1). Best of $runs runs each,
warm page cache, all tables written.

| program | threads | seconds | MB/s | peak RSS (MB) |
| --- | --- | --- | --- | --- |
$(printf '%s\n' "${rows[@]}")

stancemap / baseline: ${ratio1}× on 1 thread, ${ratio2}× on 2 threads. 1 → 2 threads: stancemap
${scale}×, baseline ${scale_base}×.
${memory_row}
<!-- bench:end -->
EOF
)"
echo "$section"
if [[ "$write" == 1 ]]; then
    python3 - "$root/BENCHMARKS.md" "$section" <<'PY'
import sys, re, pathlib
path, section = pathlib.Path(sys.argv[1]), sys.argv[2]
text = path.read_text() if path.exists() else "<!-- bench:start -->\n<!-- bench:end -->\n"
new, n = re.subn(r"<!-- bench:start -->.*?<!-- bench:end -->", lambda m: section, text, flags=re.S)
if n != 1:
    sys.exit("BENCHMARKS.md has no bench markers")
path.write_text(new)
PY
fi
