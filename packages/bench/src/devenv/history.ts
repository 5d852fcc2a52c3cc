import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../shared/results';

/** One earlier result of this bench, as its JSON file recorded it. */
export interface EarlierResult {
  date: string;
  commit?: string;
  timedRuns: number;
  load1: number;
  verifiedReadyMs: number;
  bareNamespaceMs: number;
}

const KEEP = 9;

interface StoredResult {
  date: string;
  code?: { commit: string };
  runs: Array<{ warmUp: boolean }>;
  load: { before: { loadavg: number[] } };
  medians: {
    verifiedReady: { median: number };
    bareNamespace: { median: number };
  };
  history?: EarlierResult[];
}

/**
 * The results this bench wrote before, newest first: the one in docs/benchmarks/devenv.json and
 * the history it carried. One run on a shared machine swings with the load; keeping the earlier
 * ones beside it shows how much.
 */
export function earlierResults(): EarlierResult[] {
  const file = path.join(repoRoot(), 'docs', 'benchmarks', 'devenv.json');
  if (!fs.existsSync(file)) return [];
  const previous: StoredResult = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!previous.medians?.verifiedReady) return [];
  return [
    {
      date: previous.date,
      commit: previous.code?.commit,
      timedRuns: previous.runs.filter(r => !r.warmUp).length,
      load1: previous.load.before.loadavg[0],
      verifiedReadyMs: previous.medians.verifiedReady.median,
      bareNamespaceMs: previous.medians.bareNamespace.median,
    },
    ...(previous.history ?? []),
  ].slice(0, KEEP);
}
