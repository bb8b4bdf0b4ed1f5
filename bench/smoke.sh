#!/usr/bin/env bash
# The quick form of every benchmark in bench/, one after another: each runs
# every code path of its script once on little (one build per site, a few
# pages, one round) and prints its figures, so a benchmark that no longer
# runs fails here, not on the day someone measures. Nothing here judges a
# timing: a script passes when it exits 0. Exits 1 when any script failed,
# after running them all. .ci/run runs this after the tests.
#
#   bash bench/smoke.sh
set -uo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1
PYTHON=.venv/bin/python
tmp="$(mktemp -d "${TMPDIR:-/tmp}/bench-smoke-XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

failed=()
ran=0
start_all=$SECONDS

run() {
  local name="$1"
  shift
  echo "=== $name: $*"
  local start=$SECONDS
  ran=$((ran + 1))
  if "$@"; then
    echo "=== $name: ok in $((SECONDS - start)) s"
  else
    echo "=== $name: FAILED (exit $?) after $((SECONDS - start)) s"
    failed+=("$name")
  fi
  echo
}

# Every script of bench/ that has a command line (tests/benchmarks checks
# that none is left out).
run gen_site "$PYTHON" bench/gen_site.py "$tmp/docs" --pages 15
run compare_plain "$PYTHON" bench/compare_plain.py --quick
run search_quality "$PYTHON" bench/search_quality.py --quick
run search_scale "$PYTHON" bench/search_scale.py --quick
run authoring_loop "$PYTHON" bench/authoring_loop.py --quick
run review_weight "$PYTHON" bench/review_weight.py --quick
run offline_precache "$PYTHON" bench/offline_precache.py --quick

total=$((SECONDS - start_all))
if ((${#failed[@]})); then
  echo "quick benchmarks: ${#failed[@]} of $ran failed (${failed[*]}) in $total s"
  exit 1
fi
echo "quick benchmarks: all $ran ran in $total s"
