import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoClusterExec } from './containerExec';

describe('demoClusterExec', () => {
  it('runs every container exec as nobody in an empty directory, with no secrets in env', () => {
    const dir = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'kp-exec-')),
      'sandbox',
    );
    const doc = demoClusterExec(dir) as any;
    expect(doc.kind).toBe('ClusterExec');
    expect(doc.spec.execs).toHaveLength(1);
    const [exec] = doc.spec.execs;
    expect(exec.containers).toEqual([]);
    expect(exec.local.workDir).toBe(dir);
    expect(exec.local.securityContext).toEqual({
      runAsUser: 65534,
      runAsGroup: 65534,
    });
    expect(exec.local.envs.map((e: { name: string }) => e.name).sort()).toEqual(
      ['HOME', 'PATH', 'PS1', 'TERM'],
    );
    expect(fs.statSync(dir).mode & 0o777).toBe(0o755);
  });
});
