# Sourced by scripts/test: counts passed and failed tests across every runner, so the last line of
# the run can be "N passed, N failed".

KP_PASSED=0
KP_FAILED=0
KP_FAILURES=()

# A check that is one test: record it by its exit status.
kp_check() {
  local name="$1"
  shift
  kp_log "check: $name"
  local start=$SECONDS
  if "$@"; then
    KP_PASSED=$((KP_PASSED + 1))
    kp_log "check passed: $name ($((SECONDS - start)) s)"
  else
    KP_FAILED=$((KP_FAILED + 1))
    KP_FAILURES+=("$name")
    kp_log "check FAILED: $name ($((SECONDS - start)) s)"
  fi
}

# Adds "passed failed" counts that a node expression reads from a JSON report `r`. A missing or
# unreadable report counts as one failure.
kp_tally_report() {
  local name="$1" report="$2" expression="$3"
  local counts p f
  if counts="$(node -e "const r = require(process.argv[1]); $expression" "$report" 2>/dev/null)"; then
    read -r p f <<<"$counts"
    KP_PASSED=$((KP_PASSED + p))
    KP_FAILED=$((KP_FAILED + f))
    [ "$f" -gt 0 ] && KP_FAILURES+=("$name: $f failed")
    kp_log "$name: $p passed, $f failed"
  else
    KP_FAILED=$((KP_FAILED + 1))
    KP_FAILURES+=("$name: no report")
    kp_log "$name: no report at $report"
  fi
}

# Jest --json: a suite that failed to run (no assertions) counts as one failure.
kp_tally_jest() {
  kp_tally_report "$1" "$2" '
    const failedSuites = r.testResults.filter(s => s.status === "failed" && s.assertionResults.length === 0).length;
    console.log(r.numPassedTests, r.numFailedTests + failedSuites);'
}

# Playwright JSON reporter: flaky tests passed on retry; top-level errors count as failures.
kp_tally_playwright() {
  kp_tally_report "$1" "$2" '
    const s = r.stats;
    console.log(s.expected + s.flaky, s.unexpected + (r.errors || []).length);'
}

kp_tally_summary() {
  if [ "${#KP_FAILURES[@]}" -gt 0 ]; then
    kp_log "failures:"
    printf '  - %s\n' "${KP_FAILURES[@]}" >&2
  fi
  echo "$KP_PASSED passed, $KP_FAILED failed"
}
