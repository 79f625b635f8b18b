#!/usr/bin/env bash
# End to end: `scarwise batch -j 1` and `-j 2` as whole processes on generated cases (the
# 45-rule policy and cases of bench/zen/generate.py), writing the full output to /dev/null and
# to a file, several rounds. Each round also times a fixed CPU-bound reference program on every
# core at once: a round whose reference ran clearly slower than its fastest run was slowed by
# something outside scarwise (another tenant of the host, a busy core) and is left out of the
# summary, which says how many rounds it kept. Checks that -j 1 and -j 2 wrote the same bytes.
# See docs/performance.md, "Measuring end to end".
#
#   bench/batch_throughput.sh [--cases N] [--runs N] [--scarwise PATH] [--work DIR] [--out DIR]
#
# --cases N    cases to generate (default 100000)
# --runs N     rounds (default 7)
# --scarwise   the scarwise binary (default: build/bench/tools/scarwise/scarwise, the Release
#              build of `cmake --workflow --preset bench`)
# --work DIR   where the generated rules and cases go (default: build/batch-bench)
# --out DIR    where the output files go (default: the work directory; /dev/shm keeps them in
#              memory, so that the disk's speed is not measured)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
work=$root/build/batch-bench
out=
scarwise=$root/build/bench/tools/scarwise/scarwise
cases=100000
runs=7

while [[ $# -gt 0 ]]; do
  case $1 in
    --cases) cases=$2; shift ;;
    --runs) runs=$2; shift ;;
    --scarwise) scarwise=$2; shift ;;
    --work) work=$2; shift ;;
    --out) out=$2; shift ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "batch_throughput.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done
out=${out:-$work}

die() { echo "batch_throughput.sh: $*" >&2; exit 2; }
[[ -n ${EPOCHREALTIME:-} ]] || die "bash 5 or later is needed (for EPOCHREALTIME)"
[[ -x $scarwise ]] || die "no scarwise binary at $scarwise: build it with 'cmake --workflow --preset bench', or pass --scarwise"
command -v python3 >/dev/null || die "python3 is needed to generate the cases"
[[ $runs -ge 1 ]] || die "--runs must be at least 1"

data=$work/data
mkdir -p "$work" "$out"
python3 "$here/zen/generate.py" "$data" --cases "$cases" >/dev/null
"$scarwise" check "$data/rules" >/dev/null || die "the generated rule set does not load"

# elapsed_ms COMMAND...: runs it, prints its wall time in milliseconds. The clock is bash's
# EPOCHREALTIME (microseconds), read without starting a process as `date` would.
elapsed_ms() {
  local start end
  start=${EPOCHREALTIME//[!0-9]/}
  "$@"
  end=${EPOCHREALTIME//[!0-9]/}
  awk -v us="$((end - start))" 'BEGIN { printf "%.3f", us / 1e3 }'
}
batch() {  # batch THREADS DESTINATION
  "$scarwise" batch -r "$data/rules" -j "$1" <"$data/cases.jsonl" >"$2" ||
    die "scarwise batch -j $1 failed"
}
to_file() {  # to_file THREADS: the file is removed first, outside the timing
  rm -f "$out/batch-j$1.jsonl"
  elapsed_ms batch "$1" "$out/batch-j$1.jsonl"
}
startup() { "$scarwise" batch -r "$data/rules" -j 1 </dev/null >/dev/null; }
# The reference: one copy of a fixed CPU-bound loop per core, all at once, so that a round is
# kept only when every core ran at full speed (-j 2 needs two).
cores=$(nproc)
reference() {
  for ((c = 0; c < cores; ++c)); do python3 -c 'sum(i * i for i in range(1500000))' & done
  wait
}

echo "scarwise batch on $cases cases ($(wc -c <"$data/cases.jsonl") bytes), $runs rounds"
printf '%-6s %10s %10s %12s %12s %12s %12s\n' round reference start-up \
  "j1 null" "j1 file" "j2 null" "j2 file"
results=$work/rounds.txt
: >"$results"
for ((r = 1; r <= runs; ++r)); do
  row="$(elapsed_ms reference) $(elapsed_ms startup)"
  row="$row $(elapsed_ms batch 1 /dev/null) $(to_file 1)"
  row="$row $(elapsed_ms batch 2 /dev/null) $(to_file 2)"
  echo "$row" >>"$results"
  # shellcheck disable=SC2086
  printf '%-6s %10s %10s %12s %12s %12s %12s  (ms)\n' "$r" $row
done
cmp -s "$out/batch-j1.jsonl" "$out/batch-j2.jsonl" || die "-j 1 and -j 2 wrote different output"
echo "-j 1 and -j 2 wrote the same $(wc -c <"$out/batch-j1.jsonl") bytes to $out"

# The summary, over the rounds whose reference took at most 15 % more than its fastest run.
awk -v cases="$cases" '
  function sort(v, n,   i, j, x) {
    for (i = 1; i <= n; ++i)
      for (j = i + 1; j <= n; ++j)
        if (v[j] < v[i]) { x = v[i]; v[i] = v[j]; v[j] = x }
  }
  function rate(ms) { return cases / ms * 1000 }
  { for (c = 1; c <= 6; ++c) t[NR, c] = $c; if (NR == 1 || $1 < fastest) fastest = $1 }
  END {
    kept = 0
    for (r = 1; r <= NR; ++r) if (t[r, 1] <= fastest * 1.15) keep[++kept] = r
    printf "\n%d of %d rounds kept (reference at most 15 %% over its fastest, %.0f ms)\n",
      kept, NR, fastest
    split("start-up,-j 1 to /dev/null,-j 1 to a file,-j 2 to /dev/null,-j 2 to a file", name, ",")
    printf "%-22s %10s %10s %14s %14s\n", "", "best ms", "median ms", "best cases/s",
      "median cases/s"
    for (c = 2; c <= 6; ++c) {
      for (k = 1; k <= kept; ++k) v[k] = t[keep[k], c]
      sort(v, kept)
      best[c] = v[1]
      median = kept % 2 ? v[(kept + 1) / 2] : (v[kept / 2] + v[kept / 2 + 1]) / 2
      printf "%-22s %10.1f %10.1f", name[c - 1], best[c], median
      if (c > 2) printf " %14.0f %14.0f", rate(best[c]), rate(median)
      printf "\n"
    }
    printf "\n-j 2 / -j 1 (best runs): %.2fx to /dev/null, %.2fx to a file\n",
      best[3] / best[5], best[4] / best[6]
  }' "$results"
