import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The real kubectl binary the bench asks `auth can-i` with. */
export interface Kubectl {
  path: string;
  /** `kubectl version --client` as it reports itself. */
  version: string;
  /** `kubectl --kubeconfig <file> auth can-i <verb> <resource> -n <namespace>`: yes or no. */
  canI(
    kubeconfigFile: string,
    verb: string,
    resource: string,
    namespace: string,
  ): Promise<boolean>;
}

/**
 * `$KUBECTL`, else the first `kubectl` on PATH. The local fleet builds no kubectl of its own
 * (`yarn clusters up` prints `kubectl --kubeconfig .local-clusters/kubeconfig` hints for the
 * machine's kubectl), so that is the one a developer connects with.
 */
export function findKubectl(): Kubectl {
  const candidates = process.env.KUBECTL
    ? [process.env.KUBECTL]
    : (process.env.PATH ?? '')
        .split(path.delimiter)
        .filter(Boolean)
        .map(dir => path.join(dir, 'kubectl'));
  const found = candidates.find(file => {
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
  if (!found) {
    throw new Error(
      'no kubectl found: put one on PATH or set KUBECTL to its path; the bench verifies environments with `kubectl auth can-i`',
    );
  }
  const version = execFileSync(found, ['version', '--client'], {
    encoding: 'utf8',
  })
    .split('\n')[0]
    .trim();
  return {
    path: found,
    version,
    canI: (kubeconfigFile, verb, resource, namespace) =>
      new Promise((resolve, reject) => {
        execFile(
          found,
          [
            '--kubeconfig',
            kubeconfigFile,
            'auth',
            'can-i',
            verb,
            resource,
            '-n',
            namespace,
          ],
          { encoding: 'utf8', timeout: 30_000 },
          (error, stdout, stderr) => {
            const answer = stdout.trim();
            // can-i exits 0 with "yes" and 1 with "no"; anything else is a failure to ask.
            if (answer === 'yes' && !error) resolve(true);
            else if (answer === 'no' && error?.code === 1) resolve(false);
            else
              reject(
                new Error(
                  `kubectl auth can-i ${verb} ${resource} -n ${namespace} failed: ${
                    stderr.trim() || error?.message || answer
                  }`,
                ),
              );
          },
        );
      }),
  };
}
