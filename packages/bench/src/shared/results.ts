import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Replaces this bench's section of docs/benchmarks.md, between
 * `<!-- bench:<name>:start -->` and `<!-- bench:<name>:end -->`, leaving everything else; a
 * missing section is appended under `heading`.
 */
export function writeDocsSection(name: string, heading: string, body: string) {
  const file = path.join(repoRoot(), 'docs', 'benchmarks.md');
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const section = `${start}\n\n${body.trim()}\n\n${end}`;
  const current = fs.existsSync(file)
    ? fs.readFileSync(file, 'utf8')
    : '# Benchmarks\n';
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from
      ? current.slice(0, from) + section + current.slice(to + end.length)
      : `${current.trimEnd()}\n\n## ${heading}\n\n${section}\n`;
  fs.writeFileSync(file, next);
  formatLikeTheRepo(file);
  return file;
}

/** Writes the raw result to docs/benchmarks/<name>.json. */
export function writeRawResult(name: string, result: unknown) {
  const dir = path.join(repoRoot(), 'docs', 'benchmarks');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  formatLikeTheRepo(file);
  return file;
}

/** The monorepo root: the nearest folder upwards whose package.json declares workspaces. */
export function repoRoot(start = process.cwd()): string {
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

/** Runs the repository's prettier on a written file, so `yarn prettier:check` stays clean. */
function formatLikeTheRepo(file: string) {
  execFileSync(
    process.execPath,
    [require.resolve('prettier/bin-prettier.js'), '--write', file],
    { cwd: repoRoot(), stdio: 'ignore' },
  );
}
