import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../shared/results';

/** One run of the onboarding journey, as the e2e test attached it. */
export interface JourneyRun {
  /** The screens (pathnames) the user's navigations landed on, after the signed-in home page. */
  screens: string[];
  /** Every pathname the page navigated to, redirects included. */
  navigations: string[];
  /** From the signed-in home page until `kubectl auth can-i` answered yes. */
  wallMs: number;
  connectCommand: string;
}

interface JsonReport {
  suites: JsonSuite[];
}
interface JsonSuite {
  suites?: JsonSuite[];
  specs?: Array<{
    tests: Array<{
      results: Array<{
        status: string;
        errors?: Array<{ message?: string }>;
        attachments: Array<{ name: string; body?: string }>;
      }>;
    }>;
  }>;
}

/**
 * Runs packages/app/e2e-tests/onboardingJourney.test.ts `runs` times in Chromium against
 * `baseUrl` and returns what each run attached; fails when any run failed.
 */
export async function runJourneys(
  baseUrl: string,
  runs: number,
): Promise<JourneyRun[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-onboarding-pw-'));
  const reportFile = path.join(dir, 'report.json');
  try {
    const exitCode = await new Promise<number>((resolve, reject) => {
      const child = spawn(
        'yarn',
        [
          'playwright',
          'test',
          'onboardingJourney',
          `--repeat-each=${runs}`,
          '--reporter=json',
        ],
        {
          cwd: repoRoot(),
          env: {
            ...process.env,
            PLAYWRIGHT_URL: baseUrl,
            PLAYWRIGHT_JSON_OUTPUT_NAME: reportFile,
          },
          stdio: ['ignore', 'ignore', 'inherit'],
        },
      );
      child.once('error', reject);
      child.once('exit', code => resolve(code ?? 1));
    });
    const report: JsonReport = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
    const results = allSpecs(report.suites).flatMap(spec =>
      spec.tests.flatMap(t => t.results),
    );
    const failed = results.filter(r => r.status !== 'passed');
    if (exitCode !== 0 || failed.length > 0 || results.length !== runs) {
      throw new Error(
        `the onboarding journey failed (exit ${exitCode}, ${failed.length} of ${
          results.length
        } runs failed): ${failed
          .flatMap(r => r.errors ?? [])
          .map(e => e.message ?? '')
          .join('\n')}`,
      );
    }
    return results.map(result => {
      const attachment = result.attachments.find(a => a.name === 'onboarding');
      if (!attachment?.body) {
        throw new Error('a journey run attached no onboarding result');
      }
      return JSON.parse(Buffer.from(attachment.body, 'base64').toString());
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function allSpecs(suites: JsonSuite[]): NonNullable<JsonSuite['specs']> {
  return suites.flatMap(suite => [
    ...(suite.specs ?? []),
    ...allSpecs(suite.suites ?? []),
  ]);
}
