import fs from 'node:fs';
import path from 'node:path';

/** The unprivileged user and group kwok runs exec'd commands as (Linux's "nobody"). */
const NOBODY = 65534;

/**
 * Demo-only exec, served by kwok through a ClusterExec rule so that `kubectl exec` and the
 * suite's pod terminal run something real. kwok's exec runs the requested command on THIS
 * machine, not in a container: it runs as "nobody", in an empty directory nobody may write to,
 * with a minimal environment of its own (no tokens, no kubeconfig). The clusters listen on
 * loopback only; never point kwok's exec at a machine you share.
 */
export function demoClusterExec(dir: string): Record<string, unknown> {
  fs.mkdirSync(dir, { recursive: true });
  fs.chmodSync(dir, 0o755);
  fs.writeFileSync(
    path.join(dir, 'README'),
    'Demo pod terminal: kwok runs this shell on the host as nobody. Nothing here is a real container.\n',
  );
  return {
    apiVersion: 'kwok.x-k8s.io/v1alpha1',
    kind: 'ClusterExec',
    metadata: { name: 'kubeplatform-demo-exec' },
    spec: {
      execs: [
        {
          containers: [],
          local: {
            workDir: dir,
            envs: [
              { name: 'PATH', value: '/usr/bin:/bin' },
              { name: 'HOME', value: dir },
              { name: 'PS1', value: '$ ' },
              { name: 'TERM', value: 'xterm-256color' },
            ],
            securityContext: { runAsUser: NOBODY, runAsGroup: NOBODY },
          },
        },
      ],
    },
  };
}
