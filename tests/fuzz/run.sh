#!/usr/bin/env bash
# Builds Causeway's libFuzzer targets with clang and runs each for SECONDS with its seed corpus.
#
#   tests/fuzz/run.sh [SECONDS] [TARGET...]     # default: 60 s, every target
#   tests/fuzz/run.sh 0                         # only replay seeds and saved regressions (CI-cheap)
#
# Environment: BUILD_DIR (default build/fuzz), JOBS (fuzzers run at once, default 1, max 2),
# KEEP_GOING=1 (fork mode: record crashes/timeouts and go on instead of stopping at the first),
# MAX_LEN (largest input, default 8192), FUZZ_ARGS (extra libFuzzer flags), MASK_KNOWN (default 1:
# while fuzzing, skip the known, reported bugs listed in FuzzCheck.hpp; replays never mask).
# New inputs go to BUILD_DIR/corpus/<target>, crash inputs to BUILD_DIR/artifacts/<target>/, logs
# to BUILD_DIR/logs/<target>.log; the tree is never written to.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-60}"
shift || true
build="${BUILD_DIR:-$root/build/fuzz}"
jobs="${JOBS:-1}"
[ "$jobs" -gt 2 ] && jobs=2
max_len="${MAX_LEN:-8192}"

command -v clang++ >/dev/null || { echo "run.sh: clang++ is required (apt-get install clang libclang-rt-dev)" >&2; exit 2; }

cmake -S "$here" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j 2 >/dev/null || cmake --build "$build" -j 1

if [ "$#" -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(cd "$build" && ls fuzz_* 2>/dev/null | grep -v '\.' || true)
fi
[ "${#targets[@]}" -gt 0 ] || { echo "run.sh: no fuzz targets were built" >&2; exit 2; }

dict_for() {
  case "$1" in
    fuzz_dagitty) echo "$here/dict/dagitty.dict" ;;
    fuzz_dot) echo "$here/dict/dot.dict" ;;
    fuzz_model) echo "$here/dict/model.dict" ;;
    *) [ -f "$here/dict/${1#fuzz_}.dict" ] && echo "$here/dict/${1#fuzz_}.dict" ;;
  esac
}

mkdir -p "$build/logs"
status=0

# 1. Replay: every seed and every saved regression must run clean.
for t in "${targets[@]}"; do
  inputs=("$here/corpus/$t")
  [ -d "$here/regressions/$t" ] && inputs+=("$here/regressions/$t")
  if "$build/$t" -runs=0 -artifact_prefix="$build/logs/$t.replay-" "${inputs[@]}" >"$build/logs/$t.replay.log" 2>&1; then
    echo "replay $t: ok"
  else
    echo "replay $t: FAILED (see $build/logs/$t.replay.log)"
    status=1
  fi
done
[ "$seconds" -gt 0 ] || exit "$status"

# 2. Fuzz each target for SECONDS, at most JOBS at once, at low priority (the cores are shared).
fuzz_one() {
  local t="$1"
  local dict
  dict="$(dict_for "$t" || true)"
  mkdir -p "$build/corpus/$t" "$build/artifacts/$t"
  local args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len"
              -artifact_prefix="$build/artifacts/$t/" -print_final_stats=1)
  [ -n "$dict" ] && args+=(-dict="$dict")
  [ "${KEEP_GOING:-0}" = 1 ] && args+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  # shellcheck disable=SC2086
  CAUSEWAY_FUZZ_MASK_KNOWN="${MASK_KNOWN:-1}" nice -n 10 "$build/$t" "${args[@]}" ${FUZZ_ARGS:-} "$build/corpus/$t" "$here/corpus/$t" >"$build/logs/$t.log" 2>&1
}

running=0
for t in "${targets[@]}"; do
  fuzz_one "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then wait -n || true; running=$((running - 1)); fi
done
wait || true

# 3. Summary: executions per second, corpus size, crashes.
printf '%-14s %10s %8s %8s %s\n' target execs/s runs corpus artifacts
for t in "${targets[@]}"; do
  log="$build/logs/$t.log"
  eps="$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)"
  runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)"
  if [ -z "$eps" ]; then  # fork mode prints no final stats: use the last status line
    line="$(grep -E '^#[0-9]+' "$log" | tail -1 || true)"
    runs="$(echo "$line" | sed -E 's/^#([0-9]+).*/\1/')"
    eps="$(echo "$line" | grep -oE 'exec/s:? [0-9]+' | grep -oE '[0-9]+' || true)"
  fi
  corpus="$(find "$build/corpus/$t" -type f | wc -l)"
  crashes="$(find "$build/artifacts/$t" -type f | wc -l)"
  printf '%-14s %10s %8s %8s %s\n' "$t" "${eps:-?}" "${runs:-?}" "$corpus" "$crashes"
  [ "$crashes" -eq 0 ] || status=1
done
exit "$status"
