# Sourced by scripts/test: counts checks and tests apart, across every runner, so that the last
# line of the run is "N passed, N failed" and cannot hide a failure:
# - N passed counts tests that passed at their first attempt; checks (tsc, lint, …) are not tests.
# - N failed counts failed tests, suites that failed outside their tests, flaky tests (they passed
#   only on a retry), test stages that ran no test, runners that exited non-zero without a failure
#   in their report, missing reports, and failed checks.
# The run fails exactly when N failed is not 0 (kp_tally_finish).

KP_PASSED=0
KP_FAILED=0
KP_SKIPPED=0
KP_CHECKS_PASSED=0
KP_CHECKS_FAILED=0
KP_FAILURES=()
KP_FLAKY=()
KP_CHECK_LINES=()
KP_STAGE_LINES=()
KP_TALLY_DONE=0

KP_TALLY_REPORT_READER="$(dirname "${BASH_SOURCE[0]}")/tally-report.js"

kp_fail() {
  KP_FAILED=$((KP_FAILED + 1))
  KP_FAILURES+=("$1")
}

# A check is not a test: it is listed apart, and only its failure counts (as one failure).
kp_check() {
  local name="$1"
  shift
  kp_log "check: $name"
  local start=$SECONDS
  if "$@"; then
    KP_CHECKS_PASSED=$((KP_CHECKS_PASSED + 1))
    KP_CHECK_LINES+=("passed  $name ($((SECONDS - start)) s)")
    kp_log "check passed: $name ($((SECONDS - start)) s)"
  else
    KP_CHECKS_FAILED=$((KP_CHECKS_FAILED + 1))
    KP_CHECK_LINES+=("FAILED  $name ($((SECONDS - start)) s)")
    kp_fail "check: $name"
    kp_log "check FAILED: $name ($((SECONDS - start)) s)"
  fi
}

# Runs a test runner and tallies its report: kp_test_stage NAME KIND REPORT -- COMMAND...
# KIND is jest, playwright or tap (see tally-report.js). The command's output goes to stderr.
kp_test_stage() {
  local name="$1" kind="$2" report="$3"
  shift 3
  [ "${1:-}" = "--" ] && shift
  kp_log "$name"
  local status=0
  "$@" >&2 || status=$?
  kp_tally_stage "$name" "$kind" "$report" "$status"
}

# Tallies one test stage from its report and the exit status of its runner.
kp_tally_stage() {
  local name="$1" kind="$2" report="$3" status="$4"
  local output
  if ! output="$(node "$KP_TALLY_REPORT_READER" "$kind" "$report")"; then
    kp_fail "$name: no readable $kind report at $report (the runner exited $status)"
    KP_STAGE_LINES+=("$name: no report (exit $status)")
    return
  fi
  local tag rest passed=0 failed=0 flaky=0 skipped=0
  while IFS= read -r line; do
    tag="${line%% *}"
    rest="${line#* }"
    case "$tag" in
      counts) read -r passed failed flaky skipped <<<"$rest" ;;
      failed) KP_FAILURES+=("$name: $rest") ;;
      flaky) KP_FLAKY+=("$name: $rest") ;;
    esac
  done <<<"$output"
  KP_PASSED=$((KP_PASSED + passed))
  KP_FAILED=$((KP_FAILED + failed + flaky))
  KP_SKIPPED=$((KP_SKIPPED + skipped))
  if [ $((passed + failed + flaky)) = 0 ]; then
    kp_fail "$name: ran no test"
    failed=1
  fi
  if [ "$status" != 0 ] && [ $((failed + flaky)) = 0 ]; then
    kp_fail "$name: the runner exited $status, yet its report shows no failed test"
    failed=1
  fi
  local line="$name: $passed passed, $failed failed, $flaky flaky, $skipped skipped (exit $status)"
  KP_STAGE_LINES+=("$line")
  kp_log "$line"
}

# Prints the summary; its last line is "N passed, N failed". Returns 0 exactly when nothing failed.
kp_tally_summary() {
  KP_TALLY_DONE=1
  kp_log "checks (not tests): $KP_CHECKS_PASSED passed, $KP_CHECKS_FAILED failed"
  [ "${#KP_CHECK_LINES[@]}" -gt 0 ] && printf '  %s\n' "${KP_CHECK_LINES[@]}" >&2
  kp_log "test stages:"
  [ "${#KP_STAGE_LINES[@]}" -gt 0 ] && printf '  %s\n' "${KP_STAGE_LINES[@]}" >&2
  kp_log "flaky tests (failed, then passed on a retry; counted as failed): ${#KP_FLAKY[@]}"
  [ "${#KP_FLAKY[@]}" -gt 0 ] && printf '  - %s\n' "${KP_FLAKY[@]}" >&2
  kp_log "skipped tests (not counted): $KP_SKIPPED"
  if [ "${#KP_FAILURES[@]}" -gt 0 ]; then
    kp_log "failures:"
    printf '  - %s\n' "${KP_FAILURES[@]}" >&2
  fi
  echo "$KP_PASSED passed, $KP_FAILED failed"
  [ "$KP_FAILED" = 0 ]
}

# For an EXIT trap: a run that stops before its summary still ends with "N passed, N failed",
# with the early stop counted as a failure.
kp_tally_finish_early() {
  local status="$1"
  [ "$KP_TALLY_DONE" = 1 ] && return
  kp_fail "scripts/test stopped before it finished (exit status $status)"
  kp_tally_summary
}
