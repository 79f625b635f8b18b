#!/bin/sh
# Fuzzes every target of a `fuzz` preset build (libFuzzer + ASan + UBSan) for a bounded time,
# starting from the seed corpus and the regression inputs. Any crash, sanitizer report, leak,
# timeout or out-of-memory fails the run; the input that caused it is kept under
# BUILD_DIR/fuzz-run/NAME/ and the end of the fuzzer's log is printed.
#
# Usage: fuzz/run_fuzzers.sh [SECONDS_PER_TARGET [BUILD_DIR]]   (defaults: 60, build/fuzz)
# New inputs go to a scratch corpus in BUILD_DIR; the committed corpus is never modified.
set -eu

seconds=${1:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${2:-$root/build/fuzz}" && pwd)

# Leaks count as failures; UBSan reports already abort (-fno-sanitize-recover=all).
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:detect_stack_use_after_return=1}
UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export ASAN_OPTIONS UBSAN_OPTIONS

status=0
for name in load_ruleset expression case evaluate; do
  fuzzer=$build/fuzz/fuzz_$name
  work=$build/fuzz-run/$name
  rm -rf "$work"
  mkdir -p "$work/corpus" "$work/crashes"
  set -- "$root/fuzz/corpus/$name"
  [ -d "$root/tests/regression/$name" ] && set -- "$@" "$root/tests/regression/$name"

  # -timeout: one input may take at most 10 s (a hang fails); -rss_limit_mb: memory cap;
  # -max_len: the targets' own input cap, so no seed is cut short.
  if "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -dict="$root/fuzz/dict/$name.dict" -artifact_prefix="$work/crashes/" \
      -print_final_stats=1 "$work/corpus" "$@" >"$work/log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log")
    cov=$(grep -o 'cov: [0-9]*' "$work/log" | tail -n 1)
    echo "fuzz_$name: ${seconds}s, ${runs:-?} runs, $cov, no crash"
  else
    echo "fuzz_$name: FAILED; inputs kept in $work/crashes:" >&2
    ls "$work/crashes" >&2
    tail -n 60 "$work/log" >&2
    status=1
  fi
done
exit $status
