import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * For tests of audit-log readers: before each test, a fresh temporary directory (`dir`) and the
 * path of an `audit.log` in it (`log`, not written yet); after it, the directory is removed.
 */
export function auditLogPerTest(prefix: string): { dir: string; log: string } {
  const paths = { dir: '', log: '' };
  beforeEach(() => {
    paths.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    paths.log = path.join(paths.dir, 'audit.log');
  });
  afterEach(() => fs.rmSync(paths.dir, { recursive: true, force: true }));
  return paths;
}
