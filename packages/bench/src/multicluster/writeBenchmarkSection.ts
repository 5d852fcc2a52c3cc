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
  const file = path.join(repoRoot(process.cwd()), 'docs', 'benchmarks.md');
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

/** The monorepo root: the nearest folder upwards whose package.json declares workspaces. */
function repoRoot(start: string): string {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (
      fs.existsSync(manifest) &&
      JSON.parse(fs.readFileSync(manifest, 'utf8')).workspaces
    ) {
      return dir;
    }
    if (path.dirname(dir) === dir)
      throw new Error(`no monorepo root above ${start}`);
  }
}
