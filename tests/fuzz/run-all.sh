#!/usr/bin/env bash
# Runs every libFuzzer target of tests/fuzz for a bounded time each (issue 8).
#
#   tests/fuzz/run-all.sh [BUILD_DIR] [SECONDS_PER_TARGET]     (defaults: build/fuzz, 30)
#
# BUILD_DIR holds the fuzzers (cmake --workflow --preset fuzz). Each target starts from its seed
# corpus (tests/fuzz/corpus/<target>/) plus the regressions, grows a working corpus in
# BUILD_DIR/fuzz-corpus/<target>/, and stops after the time given. A crash, a leak or a timeout
# fails the script; the input that did it is saved as BUILD_DIR/fuzz-crashes/<target>/crash-*:
# fix the bug, then copy the file into tests/fuzz/regressions/<target>/ so ctest replays it.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="${1:-$here/../../build/fuzz}"
seconds="${2:-30}"
targets=(fuzz_openapi_replies fuzz_web_replies fuzz_imagecheck fuzz_multipart
    fuzz_templates fuzz_price_formulas fuzz_local_files fuzz_media_probe)

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export QT_QPA_PLATFORM=offscreen
# Leaks that Qt's own one-time initialisation leaves on purpose are not ours.
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$here/lsan.supp:print_suppressions=0}"

status=0
for target in "${targets[@]}"; do
    binary="$build/tests/fuzz/$target"
    if [[ ! -x "$binary" ]]; then
        echo "run-all.sh: $binary is missing; build with: cmake --workflow --preset fuzz" >&2
        exit 2
    fi
    work="$build/fuzz-corpus/$target"
    crashes="$build/fuzz-crashes/$target"
    mkdir -p "$work" "$crashes"
    seeds=("$here/corpus/$target")
    [[ -d "$here/regressions/$target" ]] && seeds+=("$here/regressions/$target")
    echo "== $target: ${seconds}s"
    "$binary" "$work" "${seeds[@]}" \
        -max_total_time="$seconds" -timeout=30 -rss_limit_mb=3072 -max_len=65536 \
        -artifact_prefix="$crashes/" -print_final_stats=1 2>"$build/fuzz-$target.log"
    result=$?
    grep -E '^(stat::number_of_executed_units|stat::average_exec_per_sec|stat::new_units_added|stat::peak_rss_mb)' \
        "$build/fuzz-$target.log" | sed "s/^/   /"
    if [[ $result -ne 0 ]]; then
        echo "run-all.sh: $target FAILED (exit $result); see $build/fuzz-$target.log; inputs in $crashes" >&2
        grep -E 'ERROR|SUMMARY|Test unit written' "$build/fuzz-$target.log" | head -n 20 >&2
        status=1
    fi
done
exit $status
