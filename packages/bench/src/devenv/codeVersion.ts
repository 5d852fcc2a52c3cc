import { execFileSync } from 'node:child_process';
import { repoRoot } from '../shared/results';

/** The commit the backend under test was started from, and whether the tree differed from it. */
export interface CodeVersion {
  commit: string;
  /** Tracked files with changes not in that commit (the backend ran them too). */
  uncommittedFiles: number;
}

export function codeVersion(): CodeVersion {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: repoRoot(), encoding: 'utf8' }).trim();
  return {
    commit: git('rev-parse', 'HEAD'),
    uncommittedFiles: git('status', '--porcelain', '--untracked-files=no')
      .split('\n')
      .filter(Boolean).length,
  };
}
