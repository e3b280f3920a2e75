#!/bin/sh
# Bad input through the CLI: every model in tests/data/bad/models (and a generated 1 MB
# single-line model) must make `analyze` exit 1 with "file:line:column: message" in bounded
# time, unless expected.tsv says the reader accepts it; every CSV in tests/data/bad/csv must make
# `estimate` exit 1 with "file:line:column: message" (or say the file is empty / has no rows).
# Usage: bad-inputs.sh CLI BAD_DIR MODEL WORK_DIR
cli=$1 bad=$2 model=$3 work=$4
limit=20  # seconds; a hang never ends, a slow sanitizer build still fits
failures=0

fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# check NAME WANT_EXIT REGEX COMMAND...: runs COMMAND with a time limit, checks the exit code
# and that stderr matches REGEX (grep -E).
check() {
  name=$1 want=$2 regex=$3
  shift 3
  timeout $limit "$@" >"$work/out" 2>"$work/err"
  rc=$?
  if [ $rc -eq 124 ]; then fail "$name: no answer within $limit s"; return; fi
  if [ $rc -ne "$want" ]; then fail "$name: exit $rc, wanted $want: $(head -c 300 "$work/err")"; return; fi
  if [ -n "$regex" ] && ! grep -Eq "$regex" "$work/err"; then
    fail "$name: message does not match '$regex': $(head -c 300 "$work/err")"
    return
  fi
  echo "ok: $name: $(head -c 200 "$work/err")"
}

models=$bad/models
for f in "$models"/*; do
  name=$(basename "$f")
  [ "$name" = expected.tsv ] && continue
  # The model reader's row, or the DOT reader's where the file has none.
  outcome=$(awk -F'\t' -v f="$name" '$1 == f && $2 == "model" { m = $4 } $1 == f && $2 == "dot" { d = $4 }
                                     END { print (m != "" ? m : d) }' "$models/expected.tsv")
  if [ ! -s "$f" ]; then
    # The reader takes a 0-byte model as an empty graph; the CLI refuses it (issue 11, item 8).
    check "analyze $name" 1 "^causeway-cli analyze: $f: the model file is empty" "$cli" analyze "$f"
  elif [ "$outcome" = ok ]; then
    check "analyze $name" 0 "" "$cli" analyze "$f"
  else
    check "analyze $name" 1 "^causeway-cli analyze: $f:[0-9]+:[0-9]+: [^ ]" "$cli" analyze "$f"
  fi
done

# "dag { n0 -> n1 -> ... -> n0 }" on one line of 1 MB: the cycle is located at the last arrow.
awk 'BEGIN { printf "dag { n0"; n = 1; len = 8
             while (len < 1048576) { t = " -> n" n; printf "%s", t; len += length(t); n++ }
             printf " -> n0 }"; print len + 2 > "/dev/stderr" }' >"$work/long-cycle.dag" 2>"$work/column"
check "analyze 1 MB single-line cycle" 1 "^causeway-cli analyze: $work/long-cycle.dag:1:$(cat "$work/column"): the model has a cycle" \
  "$cli" analyze "$work/long-cycle.dag"
head -c 1048576 "$work/long-cycle.dag" >"$work/long-open.dag"  # cut short: no closing brace
check "analyze 1 MB single-line unterminated" 1 "^causeway-cli analyze: $work/long-open.dag:1:[0-9]+: " \
  "$cli" analyze "$work/long-open.dag"

# The same in DOT with a syntax error at the end: Boost's reader gives no position, the DOT
# reader finds it by re-reading prefixes (a few parses, not one per byte).
awk 'BEGIN { printf "digraph { n0"; n = 1; len = 12
             while (len < 1048576) { t = " -> n" n; printf "%s", t; len += length(t); n++ }
             printf " -> ; }"; print len + 5 > "/dev/stderr" }' >"$work/long-error.dot" 2>"$work/column"
check "analyze 1 MB single-line DOT syntax error" 1 \
  "^causeway-cli analyze: $work/long-error.dot:1:$(cat "$work/column"): DOT syntax error: " "$cli" analyze "$work/long-error.dot"

for f in "$bad"/csv/*; do
  case $(basename "$f") in
    # Whole-file problems: there is no line to name.
    empty.csv) where=" the file is empty" ;;
    header_only.csv) where=" the file has a header but no data rows" ;;
    *) where="[0-9]+:[0-9]+: [^ ]" ;;
  esac
  check "estimate $(basename "$f")" 1 "^causeway-cli estimate: $f:$where" "$cli" estimate "$model" "$f"
done

[ $failures -eq 0 ] && echo "all bad inputs rejected clearly"
exit $failures
