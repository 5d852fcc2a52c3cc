import { execFileSync } from 'node:child_process';
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
 * The results this bench wrote before, newest first: the one in docs/benchmarks/devenv.json, the
 * history it carried, and every version of that file in git. One run on a shared machine swings
 * with the load; keeping the earlier ones beside it shows how much.
 */
export function earlierResults(): EarlierResult[] {
  const root = repoRoot();
  const relative = path.join('docs', 'benchmarks', 'devenv.json');
  const file = path.join(root, relative);
  const stored = [
    fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined,
    ...committedVersions(root, relative),
  ];
  const byDate = new Map<string, EarlierResult>();
  for (const text of stored) {
    const result = text ? parseStored(text) : undefined;
    if (!result?.medians?.verifiedReady) continue;
    for (const earlier of [summaryOf(result), ...(result.history ?? [])]) {
      byDate.set(earlier.date, byDate.get(earlier.date) ?? earlier);
    }
  }
  return [...byDate.values()]
    .sort((a, b) => b.date.localeCompare(a.date))
    .slice(0, KEEP);
}

function summaryOf(result: StoredResult): EarlierResult {
  return {
    date: result.date,
    commit: result.code?.commit,
    timedRuns: result.runs.filter(r => !r.warmUp).length,
    load1: result.load.before.loadavg[0],
    verifiedReadyMs: result.medians.verifiedReady.median,
    bareNamespaceMs: result.medians.bareNamespace.median,
  };
}

function parseStored(text: string): StoredResult | undefined {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Every committed version of the file, newest first; none when git is not there. */
function committedVersions(root: string, relative: string): string[] {
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  try {
    return git('log', '--format=%H', '--', relative)
      .split('\n')
      .filter(Boolean)
      .map(commit => git('show', `${commit}:${relative}`));
  } catch {
    return [];
  }
}
