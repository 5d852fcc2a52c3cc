#!/usr/bin/env node
// Reads one test runner's report for scripts/lib/tally.sh and prints what it counts:
//   counts <passed> <failed> <flaky> <skipped>
//   failed <what failed>      (one line per failure)
//   flaky <what passed only on a retry>
// A test counts as passed only when it passed at its first attempt. A suite that failed outside
// its tests (an afterAll hook, a module that does not load) is one failure of its own.
// Exits 2 when the report is missing or is not the runner's report.
//
// Usage: node tally-report.js jest|playwright|tap <report>

const fs = require('node:fs');
const path = require('node:path');

function firstLine(text) {
  const line = String(text ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .map(l => l.trim())
    .find(l => l && !l.startsWith('●'));
  return line ?? 'no message';
}

// Jest --json (the formatted results) and Jest's own AggregatedResult, which names the suite's
// messages `failureMessage` and `testExecError` instead of `message`.
function tallyJest(report) {
  if (!Array.isArray(report.testResults)) throw new Error('not a Jest report');
  const result = { passed: 0, skipped: 0, failures: [], flaky: [] };
  for (const suite of report.testResults) {
    const file = path.relative(
      process.cwd(),
      suite.name ?? suite.testFilePath ?? '?',
    );
    const tests = suite.assertionResults ?? suite.testResults ?? [];
    let failedHere = 0;
    for (const test of tests) {
      const name = `${file} › ${test.fullName ?? test.title}`;
      if (test.status === 'failed') {
        failedHere += 1;
        result.failures.push(
          `${name}: ${firstLine((test.failureMessages ?? [])[0])}`,
        );
      } else if (test.status === 'passed' && (test.invocations ?? 1) > 1) {
        result.flaky.push(`${name} (passed at attempt ${test.invocations})`);
      } else if (test.status === 'passed') {
        result.passed += 1;
      } else {
        result.skipped += 1;
      }
    }
    const suiteFailed =
      suite.status === 'failed' || suite.testExecError || suite.failureMessage;
    if (suiteFailed && failedHere === 0) {
      const message =
        suite.testExecError?.message ?? suite.failureMessage ?? suite.message;
      result.failures.push(
        `${file}: the suite failed outside its tests: ${firstLine(message)}`,
      );
    }
  }
  const counted = result.failures.length + result.flaky.length;
  if (report.success === false && counted === 0) {
    result.failures.push(
      'Jest reports success: false without a failed test or suite',
    );
  }
  return result;
}

function* playwrightSpecs(suite, titles) {
  const here = suite.title ? [...titles, suite.title] : titles;
  for (const spec of suite.specs ?? [])
    yield { titles: [...here, spec.title], spec };
  for (const child of suite.suites ?? []) yield* playwrightSpecs(child, here);
}

// Playwright's JSON reporter: a test's status is expected, unexpected, flaky (failed, then passed
// on a retry) or skipped; `errors` are failures outside any test (a file that does not load).
function tallyPlaywright(report) {
  if (!Array.isArray(report.suites)) throw new Error('not a Playwright report');
  const result = { passed: 0, skipped: 0, failures: [], flaky: [] };
  for (const suite of report.suites) {
    for (const { titles, spec } of playwrightSpecs(suite, [])) {
      for (const test of spec.tests ?? []) {
        const name = [test.projectName, ...titles].filter(Boolean).join(' › ');
        const attempts = (test.results ?? []).map(r => r.status);
        if (test.status === 'expected' && test.expectedStatus === 'skipped') {
          result.skipped += 1;
        } else if (test.status === 'expected') {
          result.passed += 1;
        } else if (test.status === 'flaky') {
          result.flaky.push(`${name} (attempts: ${attempts.join(', ')})`);
        } else if (test.status === 'skipped') {
          result.skipped += 1;
        } else {
          const error = (test.results ?? []).find(r => r.error)?.error?.message;
          result.failures.push(
            `${name}: ${firstLine(error ?? attempts.join(', '))}`,
          );
        }
      }
    }
  }
  for (const error of report.errors ?? []) {
    result.failures.push(`outside any test: ${firstLine(error.message)}`);
  }
  return result;
}

// TAP 13 as scripts/lib/tally.test.sh writes it: a plan line `1..N`, then `ok` / `not ok` lines.
function tallyTap(text) {
  const result = { passed: 0, skipped: 0, failures: [], flaky: [] };
  let planned;
  let seen = 0;
  for (const line of text.split('\n')) {
    const plan = /^1\.\.(\d+)/.exec(line);
    if (plan) planned = Number(plan[1]);
    const test = /^(not ok|ok)\b\s*\d*\s*-?\s*(.*)$/.exec(line);
    if (!test) continue;
    seen += 1;
    if (/#\s*skip/i.test(test[2])) result.skipped += 1;
    else if (test[1] === 'ok') result.passed += 1;
    else result.failures.push(test[2]);
  }
  if (planned === undefined)
    result.failures.push('the TAP output has no plan (1..N): it stopped early');
  else if (planned !== seen)
    result.failures.push(`planned ${planned} tests, ran ${seen}`);
  return result;
}

function main() {
  const [kind, file] = process.argv.slice(2);
  let result;
  try {
    const text = fs.readFileSync(file, 'utf8');
    if (kind === 'tap') result = tallyTap(text);
    else if (kind === 'jest') result = tallyJest(JSON.parse(text));
    else if (kind === 'playwright') result = tallyPlaywright(JSON.parse(text));
    else throw new Error(`unknown report kind ${kind}`);
  } catch (error) {
    process.stderr.write(`${file}: ${error.message}\n`);
    process.exit(2);
  }
  const oneLine = s => s.replace(/\s+/g, ' ');
  const lines = [
    `counts ${result.passed} ${result.failures.length} ${result.flaky.length} ${result.skipped}`,
    ...result.failures.map(f => `failed ${oneLine(f)}`),
    ...result.flaky.map(f => `flaky ${oneLine(f)}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
