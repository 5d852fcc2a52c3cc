import fs from 'node:fs';
import path from 'node:path';

const START = '<!-- bench:multicluster:start -->';
const END = '<!-- bench:multicluster:end -->';

/** Replaces the multicluster section of docs/benchmarks.md (or appends it), leaving the rest. */
export function writeBenchmarkSection(
  table: string,
  summary: string,
  meta: { clusters: number; pods: number; date: string },
) {
  const file = path.resolve(__dirname, '../../../../docs/benchmarks.md');
  const section = [
    START,
    `_Last run: ${meta.date}, \`yarn bench:multicluster\`, ${meta.clusters} clusters, ${meta.pods} pods._`,
    '',
    table,
    '',
    '```',
    summary,
    '```',
    END,
  ].join('\n');
  const current = fs.existsSync(file)
    ? fs.readFileSync(file, 'utf8')
    : '# Benchmarks\n';
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  const next =
    start >= 0 && end > start
      ? current.slice(0, start) + section + current.slice(end + END.length)
      : `${current.trimEnd()}\n\n## Multi-cluster service view\n\n${section}\n`;
  fs.writeFileSync(file, next);
}
