/**
 * `yarn bench:onboarding`: the onboarding journey (search → service across clusters → request an
 * environment → connect) in Chromium, through the e2e test that drives it, against the demo
 * backend started as its own process; screens and the median wall time.
 */
import { benchCommand, runBench } from '../shared/benchRun';
import { resultHeader } from '../shared/resultHeader';
import { machineLoad } from '../shared/machine';
import { writeDocsSection, writeRawResult } from '../shared/results';
import {
  OnboardingResult,
  renderOnboardingSection,
  TARGET,
} from './renderSection';
import { runJourneys } from './runJourneys';
import { startAppBackend } from './startAppBackend';
import { ensureChromium } from '../shared/prerequisites';

const MIN_RUNS = 3;

async function main() {
  const { runs } = benchCommand('onboarding', undefined, {
    runs: [
      '--runs <n>',
      `journeys to time (at least ${MIN_RUNS})`,
      3,
      MIN_RUNS,
    ],
  });
  ensureChromium();
  const backend = await startAppBackend();
  const before = machineLoad();
  let journeys;
  try {
    journeys = await runJourneys(backend.baseUrl, runs);
  } finally {
    await backend.stop();
  }
  const after = machineLoad();
  const seconds = journeys.map(j => j.wallMs / 1000).sort((a, b) => a - b);
  const screenCounts = new Set(journeys.map(j => j.screens.length));
  if (screenCounts.size !== 1) {
    throw new Error(
      `the runs went through different screens: ${[...screenCounts]}`,
    );
  }
  const result: OnboardingResult = {
    ...resultHeader('onboarding', `yarn bench:onboarding --runs ${runs}`, {
      before,
      after,
    }),
    backend:
      'packages/backend on a free port (app-config.yaml, app-config.single-port.yaml, the local clusters), a throwaway SQLite, serving packages/app/dist',
    runs: journeys,
    screens: journeys[0].screens.length,
    wall: {
      medianS: round(median(seconds)),
      minS: round(seconds[0]),
      maxS: round(seconds[seconds.length - 1]),
    },
    target: TARGET,
  };
  writeRawResult('onboarding', result);
  writeDocsSection(
    'onboarding',
    'Onboarding journey (yarn bench:onboarding)',
    renderOnboardingSection(result),
  );
  console.log(
    `onboarding: screens=${result.screens} wall=${result.wall.medianS} s`,
  );
}

function median(sorted: number[]) {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function round(n: number) {
  return Math.round(n * 10) / 10;
}

runBench('onboarding', main);
