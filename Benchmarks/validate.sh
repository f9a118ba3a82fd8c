#!/usr/bin/env bash
# Benchmark of `kaleido validate` (issue 3): synthetic KBs of 10,000 and 100,000 records made
# from the sample KB, validated end to end by the release binary, against libyaml's parse alone
# over the same files. Prints the medians of RUNS runs (default 5; this VM's single runs vary by
# ±25 %), their ratio and the peak memory.
#   Benchmarks/validate.sh [N…]     (default: 10000 100000)
#   RUNS=15 Benchmarks/validate.sh 10000
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product kaleido >/dev/null
swift build -c release --product kaleido-bench >/dev/null
bin=.build/release
work=${BENCH_WORK:-/tmp/kaleido-bench}
sizes=("$@"); [ ${#sizes[@]} -eq 0 ] && sizes=(10000 100000)
for n in "${sizes[@]}"; do
    kb="$work/kb-$n"
    [ -d "$kb/knowledge" ] || "$bin/kaleido-bench" generate "$n" "$kb" "$PWD" >/dev/null
    # Warm the page cache for both runs alike (find: 100,000 paths overflow a glob's argument list).
    find "$kb/knowledge" -type f -exec cat {} + >/dev/null
    runs=${RUNS:-5}
    parses=(); validates=()
    for _ in $(seq "$runs"); do
        parses+=("$("$bin/kaleido-bench" parse-only "$kb" | cut -d' ' -f1)")
        start=$(date +%s.%N)
        /usr/bin/time -f "%M" -o "$work/mem-$n" "$bin/kaleido" validate --kb "$kb" --today 2026-11-27 >"$work/out-$n" || true
        end=$(date +%s.%N)
        validates+=("$(awk "BEGIN {print $end - $start}")")
    done
    median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
    parse=$(median "${parses[@]}")
    validate=$(median "${validates[@]}")
    peak=$(( $(tail -1 "$work/mem-$n") / 1024 ))
    ratio=$(awk "BEGIN {printf \"%.2f\", $validate / $parse}")
    printf '%7d records: validate %.3f s (%s), libyaml parse only %.3f s, ratio %s, peak memory %d MB (medians of %d runs)\n' \
        "$n" "$validate" "$(tail -1 "$work/out-$n")" "$parse" "$ratio" "$peak" "$runs"
done
