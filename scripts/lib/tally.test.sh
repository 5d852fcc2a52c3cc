#!/usr/bin/env bash
# Proves scripts/lib/tally.sh on small reports recorded from real runs of Jest 30 and Playwright
# (scripts/lib/tally-fixtures). Prints TAP on stdout, which scripts/test counts as a test stage;
# the log of each case goes to stderr. Run alone: bash scripts/lib/tally.test.sh
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
fixtures="$here/tally-fixtures"
source "$here/env.sh"
kp_ensure_node
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cases=0
failed=0

# expect_tally NAME LAST_LINE [TEXT...]: runs the function `steps` with a fresh tally, then its
# summary, and expects the summary's last line, an exit status that is non-zero exactly when
# something failed, and each TEXT in the log.
expect_tally() {
  local name="$1" want="$2"
  shift 2
  cases=$((cases + 1))
  local out status problems=()
  out="$(
    {
      source "$here/tally.sh"
      steps
      kp_tally_summary
    } 2>"$work/log"
  )"
  status=$?
  local last="${out##*$'\n'}"
  [ "$last" = "$want" ] || problems+=("last line '$last', expected '$want'")
  case "$want" in
    *", 0 failed") [ "$status" = 0 ] || problems+=("exit status $status with nothing failed") ;;
    *) [ "$status" != 0 ] || problems+=("exit status 0 although something failed") ;;
  esac
  local text
  for text in "$@"; do
    grep -qF -- "$text" "$work/log" || problems+=("the log does not say '$text'")
  done
  if [ "${#problems[@]}" = 0 ]; then
    echo "ok $cases - $name"
  else
    failed=$((failed + 1))
    echo "not ok $cases - $name: ${problems[*]}"
    sed 's/^/# /' "$work/log" >&2
  fi
}

steps() { kp_tally_stage "unit" jest "$fixtures/jest-pass.json" 0; }
expect_tally "a passing Jest run counts its tests" "2 passed, 0 failed" \
  "unit: 2 passed, 0 failed, 0 flaky, 0 skipped (exit 0)"

steps() { kp_tally_stage "unit" jest "$fixtures/jest-afterall.json" 1; }
expect_tally "an afterAll failure in a suite whose tests passed is a failure" \
  "3 passed, 1 failed" \
  "afterall/b.test.js: the suite failed outside its tests: cleanup failed: namespace still terminating"

steps() { kp_tally_stage "unit" jest "$fixtures/jest-exec-error.json" 1; }
expect_tally "a Jest suite that failed to run is a failure" "2 passed, 1 failed" \
  "execerror/b.test.js: the suite failed outside its tests: Cannot find module './does-not-exist'"

steps() { kp_tally_stage "unit" jest "$fixtures/jest-aggregated-exec-error.json" 1; }
expect_tally "Jest's testExecError and failureMessage count as a suite failure" \
  "1 passed, 1 failed" "the suite failed outside its tests: Cannot find module"

steps() { kp_tally_stage "unit" jest "$fixtures/jest-failing.json" 1; }
expect_tally "a failed Jest test is a failure; skipped tests are not passes" \
  "3 passed, 1 failed" "failing/b.test.js › fails" "unit: 3 passed, 1 failed, 0 flaky, 1 skipped"

steps() { kp_tally_stage "integration" jest "$fixtures/jest-no-tests.json" 0; }
expect_tally "a Jest stage that ran no test fails, even when Jest passed" \
  "0 passed, 1 failed" "integration: ran no test"

steps() { kp_tally_stage "integration" jest "$fixtures/jest-no-tests.json" 1; }
expect_tally "a stage with no test and a failed runner is one failure" "0 passed, 1 failed" \
  "integration: ran no test"

steps() { kp_tally_stage "unit" jest "$fixtures/jest-retried.json" 0; }
expect_tally "a Jest test that passed on a retry is flaky, listed, and not a pass" \
  "1 passed, 1 failed" \
  "flaky tests (failed, then passed on a retry; counted as failed): 1" \
  "unit: fixture/retried/a.test.js › passes on its second attempt (passed at attempt 2)"

steps() { kp_tally_stage "unit" jest "$fixtures/jest-pass.json" 1; }
expect_tally "a runner that exits non-zero fails the run, whatever its report says" \
  "2 passed, 1 failed" "unit: the runner exited 1, yet its report shows no failed test"

steps() { kp_tally_stage "unit" jest "$work/missing.json" 1; }
expect_tally "a missing report is a failure" "0 passed, 1 failed" "unit: no readable jest report"

echo '{"not": "a report"}' >"$work/other.json"
steps() { kp_tally_stage "unit" jest "$work/other.json" 0; }
expect_tally "a report of another shape is a failure" "0 passed, 1 failed" "unit: no readable jest report"

steps() { kp_tally_stage "e2e" playwright "$fixtures/playwright-pass.json" 0; }
expect_tally "a passing Playwright run counts its tests" "2 passed, 0 failed"

steps() { kp_tally_stage "e2e" playwright "$fixtures/playwright-flaky.json" 0; }
expect_tally "a Playwright test that passed on a retry is flaky, listed, and not a pass" \
  "2 passed, 1 failed" \
  "flaky tests (failed, then passed on a retry; counted as failed): 1" \
  "e2e: a.spec.js › renders after a slow first paint (attempts: failed, passed)"

steps() { kp_tally_stage "e2e" playwright "$fixtures/playwright-failing.json" 1; }
expect_tally "a failed Playwright test is a failure; a skipped one is not a pass" \
  "2 passed, 1 failed" "e2e: a.spec.js › opens the drawer: Error: expect(received).toBe(expected)"

steps() { kp_tally_stage "e2e" playwright "$fixtures/playwright-broken.json" 1; }
expect_tally "a Playwright file that does not load is a failure" "0 passed, 2 failed" \
  "e2e: outside any test: Error: Cannot find module './does-not-exist'"

steps() { kp_tally_stage "e2e" playwright "$fixtures/playwright-no-tests.json" 1; }
expect_tally "a Playwright stage that ran no test fails" "0 passed, 1 failed" \
  "e2e: outside any test: Error: No tests found"

steps() {
  kp_check "succeeds" true
  kp_check "fails" false
  kp_tally_stage "unit" jest "$fixtures/jest-pass.json" 0
}
expect_tally "checks are listed apart: a passed check is no test, a failed one is a failure" \
  "2 passed, 1 failed" "checks (not tests): 1 passed, 1 failed" "passed  succeeds" \
  "FAILED  fails" "- check: fails"

steps() {
  kp_test_stage "unit" jest "$work/runner.json" -- \
    sh -c 'cp "$1" "$2"; exit 1' _ "$fixtures/jest-pass.json" "$work/runner.json"
}
expect_tally "kp_test_stage counts its runner's exit status" "2 passed, 1 failed" \
  "unit: the runner exited 1, yet its report shows no failed test"

printf '1..3\nok 1 - a\nnot ok 2 - b broke\nok 3 - c # SKIP not here\n' >"$work/some.tap"
steps() { kp_tally_stage "self-test" tap "$work/some.tap" 1; }
expect_tally "TAP: ok is a pass, not ok a failure, SKIP neither" "1 passed, 1 failed" \
  "self-test: b broke" "self-test: 1 passed, 1 failed, 0 flaky, 1 skipped (exit 1)"

printf '1..3\nok 1 - a\n' >"$work/short.tap"
steps() { kp_tally_stage "self-test" tap "$work/short.tap" 0; }
expect_tally "TAP: fewer tests than planned is a failure" "1 passed, 1 failed" \
  "self-test: planned 3 tests, ran 1"

# A run that stops early (kp_die, set -e) still ends with the count, and a failure for the stop.
cases=$((cases + 1))
out="$(
  bash -c 'source "$1/env.sh"; source "$1/tally.sh"
    trap "kp_tally_finish_early \$?" EXIT
    kp_tally_stage unit jest "$2/jest-pass.json" 0
    exit 3' _ "$here" "$fixtures" 2>"$work/log"
)"
status=$?
if [ "${out##*$'\n'}" = "2 passed, 1 failed" ] && [ "$status" = 3 ] &&
  grep -qF "scripts/test stopped before it finished (exit status 3)" "$work/log"; then
  echo "ok $cases - a run that stops early ends with its count and fails"
else
  failed=$((failed + 1))
  echo "not ok $cases - a run that stops early: last line '${out##*$'\n'}', status $status"
fi

echo "1..$cases"
[ "$failed" = 0 ]
