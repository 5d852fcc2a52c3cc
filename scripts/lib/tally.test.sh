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

# report NAME [TEXT...]: expects each TEXT in the case's log ($work/log), then prints the case's
# TAP line from the problems its caller found and this one: `ok`, or `not ok` with the problems
# (and the log on stderr).
report() {
  local name="$1" text
  shift
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
  report "$name" "$@"
}

echo '{"not": "a report"}' >"$work/other.json"
printf '1..3\nok 1 - a\nnot ok 2 - b broke\nok 3 - c # SKIP not here\n' >"$work/some.tap"
printf '1..3\nok 1 - a\n' >"$work/short.tap"

# One stage each: its name, runner, report (in tally-fixtures, else in $work) and the runner's
# exit status; the case's name; the summary's last line; the texts the log must hold.
while IFS='|' read -r -a row; do
  report_file="$fixtures/${row[2]}"
  [ -e "$report_file" ] || report_file="$work/${row[2]}"
  steps() { kp_tally_stage "${row[0]}" "${row[1]}" "$report_file" "${row[3]}"; }
  expect_tally "${row[@]:4}"
done <<'TABLE'
unit|jest|jest-pass.json|0|a passing Jest run counts its tests|2 passed, 0 failed|unit: 2 passed, 0 failed, 0 flaky, 0 skipped (exit 0)
unit|jest|jest-afterall.json|1|an afterAll failure in a suite whose tests passed is a failure|3 passed, 1 failed|afterall/b.test.js: the suite failed outside its tests: cleanup failed: namespace still terminating
unit|jest|jest-exec-error.json|1|a Jest suite that failed to run is a failure|2 passed, 1 failed|execerror/b.test.js: the suite failed outside its tests: Cannot find module './does-not-exist'
unit|jest|jest-aggregated-exec-error.json|1|Jest's testExecError and failureMessage count as a suite failure|1 passed, 1 failed|the suite failed outside its tests: Cannot find module
unit|jest|jest-failing.json|1|a failed Jest test is a failure; skipped tests are not passes|3 passed, 1 failed|failing/b.test.js › fails|unit: 3 passed, 1 failed, 0 flaky, 1 skipped
integration|jest|jest-no-tests.json|0|a Jest stage that ran no test fails, even when Jest passed|0 passed, 1 failed|integration: ran no test
integration|jest|jest-no-tests.json|1|a stage with no test and a failed runner is one failure|0 passed, 1 failed|integration: ran no test
unit|jest|jest-retried.json|0|a Jest test that passed on a retry is flaky, listed, and not a pass|1 passed, 1 failed|flaky tests (failed, then passed on a retry; counted as failed): 1|unit: fixture/retried/a.test.js › passes on its second attempt (passed at attempt 2)
unit|jest|jest-pass.json|1|a runner that exits non-zero fails the run, whatever its report says|2 passed, 1 failed|unit: the runner exited 1, yet its report shows no failed test
unit|jest|missing.json|1|a missing report is a failure|0 passed, 1 failed|unit: no readable jest report
unit|jest|other.json|0|a report of another shape is a failure|0 passed, 1 failed|unit: no readable jest report
e2e|playwright|playwright-pass.json|0|a passing Playwright run counts its tests|2 passed, 0 failed
e2e|playwright|playwright-flaky.json|0|a Playwright test that passed on a retry is flaky, listed, and not a pass|2 passed, 1 failed|flaky tests (failed, then passed on a retry; counted as failed): 1|e2e: a.spec.js › renders after a slow first paint (attempts: failed, passed)
e2e|playwright|playwright-failing.json|1|a failed Playwright test is a failure; a skipped one is not a pass|2 passed, 1 failed|e2e: a.spec.js › opens the drawer: Error: expect(received).toBe(expected)
e2e|playwright|playwright-broken.json|1|a Playwright file that does not load is a failure|0 passed, 2 failed|e2e: outside any test: Error: Cannot find module './does-not-exist'
e2e|playwright|playwright-no-tests.json|1|a Playwright stage that ran no test fails|0 passed, 1 failed|e2e: outside any test: Error: No tests found
self-test|tap|some.tap|1|TAP: ok is a pass, not ok a failure, SKIP neither|1 passed, 1 failed|self-test: b broke|self-test: 1 passed, 1 failed, 0 flaky, 1 skipped (exit 1)
self-test|tap|short.tap|0|TAP: fewer tests than planned is a failure|1 passed, 1 failed|self-test: planned 3 tests, ran 1
TABLE

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

# scripts/test itself, copied into a scratch root where yarn, mkdocs, the frontend build, the
# backend and the self-test are stubs that hand over recorded reports and exit statuses: proves
# that the script passes each runner's exit status and report to the tally, lists checks apart,
# and ends with the count however it ends. Nothing listens on any port.
scratch_root() {
  local root="$work/root"
  rm -rf "$root"
  mkdir -p "$root/scripts/lib" "$root/.toolchain" "$root/.yarn/releases" \
    "$root/cache/docs-venv/bin" "$root/node_modules"
  cp "$here/../test" "$here/../requirements-docs.txt" "$root/scripts/"
  cp "$here/env.sh" "$here/tally.sh" "$here/tally-report.js" "$root/scripts/lib/"
  ln -s "$KP_NODE_DIR/../../node_modules" "$root/.toolchain/node_modules"
  cp "$root/scripts/requirements-docs.txt" "$root/cache/docs-venv/.kubeplatform-requirements"
  printf '#!/bin/sh\nexit 0\n' >"$root/cache/docs-venv/bin/mkdocs"
  chmod +x "$root/cache/docs-venv/bin/mkdocs"
  printf 'echo 1..1; echo ok 1 - stub self-test\n' >"$root/scripts/lib/tally.test.sh"
  printf 'kp_build_frontend() { :; }\n' >"$root/scripts/lib/frontend.sh"
  cat >"$root/scripts/lib/postgres.sh" <<'SH'
KP_PG_MAJOR=15
kp_ensure_postgres() { :; }
kp_postgres_start() {
  [ "${STUB_POSTGRES:-0}" = 0 ] || return 1
  KP_PG_PORT=54320
  KP_PG_URL=postgresql://stub
}
kp_postgres_stop() { :; }
SH
  cat >"$root/scripts/lib/backend.sh" <<'SH'
kp_port_free() { :; }
kp_backend_config_args() { :; }
kp_oidc_clusters_config() { echo /stub/app-config.oidc-clusters.yaml; }
kp_run_backend() { :; }
kp_wait_for_backend() { :; }
SH
  echo '{}' >"$root/package.json"
  : >"$root/yarn.lock"
  # The yarn shim of env.sh runs this file: a yarn that answers from STUB_* variables.
  cat >"$root/.yarn/releases/yarn-4.13.0.cjs" <<'JS'
const fs = require('node:fs');
const args = process.argv.slice(2);
const stub = (name, fallback) => process.env[`STUB_${name}`] ?? fallback;
const report = (spec, file) => {
  const [fixture, status] = spec.split(':');
  fs.copyFileSync(`${process.env.FIXTURES}/${fixture}.json`, file);
  process.exit(Number(status));
};
if (args[0] === 'install') process.exit(Number(stub('INSTALL', 0)));
if (args[0] === 'tsc') process.exit(Number(stub('TSC', 0)));
if (args[0] === 'api-reports:check') process.exit(Number(stub('API_REPORTS', 0)));
if (args[0] === 'backstage-cli') {
  const out = args.find(a => a.startsWith('--outputFile=')).slice('--outputFile='.length);
  const unit = args.includes('--testPathIgnorePatterns');
  if (args.some(a => a.includes('database'))) {
    const postgres = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
    if (process.env.KUBEPLATFORM_TEST_DATABASES !== 'postgres') process.exit(3);
    report(postgres ? stub('DATABASE') : stub('DATABASE_MISSING'), out);
  }
  report(unit ? stub('UNIT') : stub('INTEGRATION'), out);
}
if (args[0] === 'test:replicas') {
  const out = args.find(a => a.startsWith('--outputFile=')).slice('--outputFile='.length);
  report(stub('REPLICAS'), out);
}
if (args[0] === 'playwright') {
  const oidc = args.includes('playwright.oidc.config.ts');
  report(oidc ? stub('E2E_OIDC', stub('E2E')) : stub('E2E'), process.env.PLAYWRIGHT_JSON_OUTPUT_NAME);
}
process.exit(0);
JS
  echo "$root"
}

# expect_script NAME "STUB_X=... STUB_Y=..." LAST_LINE EXIT_STATUS [TEXT...]
expect_script() {
  local name="$1" stubs want="$3" want_status="$4"
  read -r -a stubs <<<"$2"
  shift 4
  cases=$((cases + 1))
  local root out status problems=()
  root="$(scratch_root)"
  out="$(env "${stubs[@]}" FIXTURES="$fixtures" KUBEPLATFORM_CACHE_DIR="$root/cache" \
    bash "$root/scripts/test" 2>"$work/log")"
  status=$?
  sed -i 's/\x1b\[[0-9;]*m//g' "$work/log"
  local last="${out##*$'\n'}"
  [ "$last" = "$want" ] || problems+=("last line '$last', expected '$want'")
  [ "$status" = "$want_status" ] || problems+=("exit status $status, expected $want_status")
  report "scripts/test: $name" "$@"
}

green="STUB_UNIT=jest-pass:0 STUB_DATABASE=jest-pass:0 STUB_DATABASE_MISSING=jest-exec-error:1 STUB_INTEGRATION=jest-pass:0 STUB_REPLICAS=jest-pass:0 STUB_E2E=playwright-pass:0 STUB_E2E_OIDC=playwright-pass:0"

expect_script "every runner green" "$green" "13 passed, 0 failed" 0 \
  "checks (not tests): 6 passed, 0 failed" \
  "replica tests (two production backends on PostgreSQL): 2 passed, 0 failed, 0 flaky, 0 skipped (exit 0)" \
  "unit tests: 2 passed, 0 failed, 0 flaky, 0 skipped (exit 0)" \
  "PostgreSQL lane (database tests on PostgreSQL 15): 2 passed, 0 failed, 0 flaky, 0 skipped (exit 0)" \
  "end-to-end tests: 2 passed, 0 failed, 0 flaky, 0 skipped (exit 0)" \
  "end-to-end tests, OIDC lane (user-level clusters): 2 passed, 0 failed, 0 flaky, 0 skipped (exit 0)"

expect_script "a failing test of the OIDC lane fails the run" \
  "$green STUB_E2E_OIDC=playwright-failing:1" "13 passed, 1 failed" 1 \
  "end-to-end tests, OIDC lane (user-level clusters): 2 passed, 1 failed"

expect_script "Jest exits 1 with a green report" "$green STUB_UNIT=jest-pass:1" \
  "13 passed, 1 failed" 1 "unit tests: the runner exited 1, yet its report shows no failed test"

expect_script "afterAll failure, no integration test, a flaky e2e test, a failed check" \
  "$green STUB_UNIT=jest-afterall:1 STUB_INTEGRATION=jest-no-tests:0 STUB_E2E=playwright-flaky:0 STUB_API_REPORTS=1" \
  "12 passed, 4 failed" 1 \
  "FAILED  API reports (backstage-repo-tools api-reports --ci)" \
  "the suite failed outside its tests: cleanup failed" \
  "integration tests (real local Kubernetes API servers): ran no test" \
  "flaky tests (failed, then passed on a retry; counted as failed): 1"

expect_script "Playwright exits 1 with a green report" "$green STUB_E2E=playwright-pass:1" \
  "13 passed, 1 failed" 1 "end-to-end tests: the runner exited 1, yet its report shows no failed test"

expect_script "a failed type check is a failure, not a test" "$green STUB_TSC=2" \
  "13 passed, 1 failed" 1 "checks (not tests): 5 passed, 1 failed" "- check: typecheck (yarn tsc)"

expect_script "a PostgreSQL that does not start fails the lane" "$green STUB_POSTGRES=1" \
  "13 passed, 2 failed" 1 "PostgreSQL lane: the throwaway PostgreSQL did not start" \
  "execerror/b.test.js: the suite failed outside its tests"

expect_script "a replica test that fails fails the run" "$green STUB_REPLICAS=jest-afterall:1" \
  "14 passed, 1 failed" 1 "replica tests (two production backends on PostgreSQL)" \
  "the suite failed outside its tests"

expect_script "setup stops the run early" "$green STUB_INSTALL=1" "0 passed, 1 failed" 1 \
  "scripts/test stopped before it finished (exit status 1)"

echo "1..$cases"
[ "$failed" = 0 ]
