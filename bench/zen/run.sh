#!/usr/bin/env bash
# Side by side: `scarwise batch` and the GoRules ZEN engine decide the same cases with the same
# 45-rule policy. Generates the rule set, the ZEN decision model and the cases, times
# `scarwise batch -j 1` and `-j 2` as whole processes (best of --runs), times ZEN through its
# Node binding, checks that both decided every case alike (bench/zen/compare.py says what is
# compared) and prints cases per second and the ratios. See bench/zen/README.md.
#
#   bench/zen/run.sh [--install] [--cases N] [--runs N] [--scarwise PATH] [--work DIR]
#                    [--out DIR]
#
# --install    install @gorules/zen-engine (npm) into WORK/npm first; nothing is downloaded
#              without it
# --cases N    cases to generate (default 10000)
# --runs N     runs of each measurement, the best one counts (default 3)
# --scarwise   the scarwise binary (default: build/bench/tools/scarwise/scarwise, the Release
#              build of `cmake --workflow --preset bench`)
# --work DIR   where the generated files and the npm package go (default: build/zen-bench)
# --out DIR    where the outputs go (default: the work directory; a directory in memory such
#              as /dev/shm/zen keeps the disk's writing back out of the timings)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$root/build/zen-bench
out=
scarwise=$root/build/bench/tools/scarwise/scarwise
cases=10000
runs=3
install=0
zen_version=${ZEN_ENGINE_VERSION:-0.54.0}

while [[ $# -gt 0 ]]; do
  case $1 in
    --install) install=1 ;;
    --cases) cases=$2; shift ;;
    --runs) runs=$2; shift ;;
    --scarwise) scarwise=$2; shift ;;
    --work) work=$2; shift ;;
    --out) out=$2; shift ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done

die() { echo "run.sh: $*" >&2; exit 2; }
[[ -n ${EPOCHREALTIME:-} ]] || die "bash 5 or later is needed (for EPOCHREALTIME)"
[[ -x $scarwise ]] || die "no scarwise binary at $scarwise: build it with 'cmake --workflow --preset bench', or pass --scarwise"
command -v node >/dev/null || die "node is needed for the ZEN side"
command -v python3 >/dev/null || die "python3 is needed to generate the cases"

out=${out:-$work}
mkdir -p "$work" "$out"
if [[ $install == 1 ]]; then
  npm install --prefix "$work/npm" --no-audit --no-fund --loglevel=error \
    "@gorules/zen-engine@$zen_version" >/dev/null
fi
export NODE_PATH=$work/npm/node_modules
node -e "require('@gorules/zen-engine')" 2>/dev/null ||
  die "@gorules/zen-engine is not installed in $work/npm: run again with --install"

data=$work/data
python3 "$here/generate.py" "$data" --cases "$cases"
"$scarwise" check "$data/rules" >/dev/null || die "the generated rule set does not load"

# best_of OUT COMMAND...: runs COMMAND $runs times, prints the shortest wall time in seconds.
# OUT, the file the command writes (or ""), is removed before each run and outside the timing:
# truncating the previous run's file can wait for the disk to write it back. The clock is
# bash's EPOCHREALTIME (microseconds), read without starting a process: timing with `date`
# would add the start of two processes to every run.
best_of() {
  local best=0 start elapsed fresh=$1
  shift
  for ((i = 0; i < runs; ++i)); do
    [[ -z $fresh ]] || rm -f "$fresh"
    start=${EPOCHREALTIME//[!0-9]/}
    "$@"
    elapsed=$((${EPOCHREALTIME//[!0-9]/} - start))
    if [[ $best == 0 || $elapsed -lt $best ]]; then best=$elapsed; fi
  done
  awk -v us="$best" 'BEGIN { printf "%.4f", us / 1e6 }'
}

batch() {  # batch THREADS OUT
  "$scarwise" batch -r "$data/rules" -j "$1" <"$data/cases.jsonl" >"$2" ||
    die "scarwise batch -j $1 failed"
}
zen() {  # zen CONCURRENCY OUT
  node "$here/zen_run.js" "$data/scar-suitability.jdm.json" "$data/cases.jsonl" "$2" \
    --concurrency "$1" >>"$work/zen-$1.timings" || die "zen_run.js failed"
}
startup() { "$scarwise" batch -r "$data/rules" -j 1 </dev/null >/dev/null; }

echo "Deciding $cases cases ($(wc -c <"$data/cases.jsonl") bytes), best of $runs runs each..."
t_start=$(best_of "" startup)
t_j1=$(best_of "$out/scarwise-j1.jsonl" batch 1 "$out/scarwise-j1.jsonl")
t_j2=$(best_of "$out/scarwise-j2.jsonl" batch 2 "$out/scarwise-j2.jsonl")
rm -f "$work"/zen-*.timings
t_zen1=$(best_of "$out/zen-1.jsonl" zen 1 "$out/zen-1.jsonl")
t_zen64=$(best_of "$out/zen-64.jsonl" zen 64 "$out/zen-64.jsonl")
# Inside the Node process: the shortest time spent deciding, without the start of the process,
# the module and the model.
inner() { python3 -c 'import json, sys; print("%.4f" % min(json.loads(l)["seconds"] for l in open(sys.argv[1])))' "$1"; }
t_zen1_inner=$(inner "$work/zen-1.timings")
t_zen64_inner=$(inner "$work/zen-64.timings")

cmp -s "$out/scarwise-j1.jsonl" "$out/scarwise-j2.jsonl" ||
  die "scarwise -j 1 and -j 2 wrote different output"
cmp -s "$out/zen-1.jsonl" "$out/zen-64.jsonl" || die "ZEN's two runs decided differently"
python3 "$here/compare.py" "$out/scarwise-j1.jsonl" "$out/zen-1.jsonl" ||
  die "scarwise and ZEN disagree (outputs in $out)"

rate() { awk -v n="$cases" -v t="$1" 'BEGIN { printf "%10.0f", n / t }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b / a }'; }
echo
printf '%-44s %10s %12s\n' "run" "seconds" "cases/s"
printf '%-44s %10s %12s\n' "scarwise start and rule load (no cases)" "$t_start" ""
printf '%-44s %10s %12s\n' "scarwise batch -j 1 (whole process)" "$t_j1" "$(rate "$t_j1")"
printf '%-44s %10s %12s\n' "scarwise batch -j 2 (whole process)" "$t_j2" "$(rate "$t_j2")"
printf '%-44s %10s %12s\n' "ZEN $zen_version, 1 in flight (whole process)" "$t_zen1" "$(rate "$t_zen1")"
printf '%-44s %10s %12s\n' "ZEN, 1 in flight (deciding only)" "$t_zen1_inner" "$(rate "$t_zen1_inner")"
printf '%-44s %10s %12s\n' "ZEN, 64 in flight (whole process)" "$t_zen64" "$(rate "$t_zen64")"
printf '%-44s %10s %12s\n' "ZEN, 64 in flight (deciding only)" "$t_zen64_inner" "$(rate "$t_zen64_inner")"
t_zen_best=$(awk -v a="$t_zen1_inner" -v b="$t_zen64_inner" 'BEGIN { print (a < b ? a : b) }')
echo
echo "scarwise -j 1 / ZEN's best (deciding only): $(ratio "$t_j1" "$t_zen_best")x"
echo "scarwise -j 1 / ZEN, 1 in flight (whole process): $(ratio "$t_j1" "$t_zen1")x"
echo "scarwise -j 2 / scarwise -j 1: $(ratio "$t_j2" "$t_j1")x"
