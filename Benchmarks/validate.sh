#!/usr/bin/env bash
# Benchmark of `kaleido validate` (issue 3): synthetic KBs of 10,000 and 100,000 records made
# from the sample KB, validated end to end by the release binary, against libyaml's parse alone
# over the same files. Prints the times, their ratio and the peak memory.
#   Benchmarks/validate.sh [N…]     (default: 10000 100000)
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
    cat "$kb"/knowledge/*/*/* >/dev/null  # warm the page cache for both runs alike
    parse=$("$bin/kaleido-bench" parse-only "$kb" | cut -d' ' -f1)
    start=$(date +%s.%N)
    /usr/bin/time -f "%M" -o "$work/mem-$n" "$bin/kaleido" validate --kb "$kb" --today 2026-11-27 >"$work/out-$n" || true
    end=$(date +%s.%N)
    validate=$(awk "BEGIN {print $end - $start}")
    peak=$(( $(tail -1 "$work/mem-$n") / 1024 ))
    ratio=$(awk "BEGIN {printf \"%.2f\", $validate / $parse}")
    printf '%7d records: validate %.3f s (%s), libyaml parse only %.3f s, ratio %s, peak memory %d MB\n' \
        "$n" "$validate" "$(tail -1 "$work/out-$n")" "$parse" "$ratio" "$peak"
done
