import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** How the bench asks the cluster what an issued kubeconfig may do. */
export interface AccessCheck {
  /** For the docs, e.g. `kubectl auth can-i` (`/usr/bin/kubectl`, Client Version: v1.33.1). */
  how: string;
  /** Whether each answer starts a kubectl process. */
  kubectl: boolean;
  /** `kubectl --kubeconfig <file> auth can-i <verb> <resource> -n <namespace>`: yes or no. */
  canI(
    kubeconfigFile: string,
    verb: string,
    resource: string,
    namespace: string,
  ): Promise<boolean>;
}

/**
 * Real kubectl: `$KUBECTL`, else the first `kubectl` on PATH. The local fleet builds no kubectl
 * of its own (`yarn clusters up` prints `kubectl --kubeconfig .local-clusters/kubeconfig` hints
 * for the machine's kubectl), so that is the one a developer connects with. Undefined when there
 * is none on PATH; an unusable `$KUBECTL` is an error.
 */
export function findKubectl(): AccessCheck | undefined {
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
    if (process.env.KUBECTL) {
      throw new Error(`KUBECTL=${process.env.KUBECTL} is not an executable`);
    }
    return undefined;
  }
  const version = execFileSync(found, ['version', '--client'], {
    encoding: 'utf8',
  })
    .split('\n')[0]
    .trim();
  return {
    how: `\`kubectl auth can-i\` (\`${found}\`, ${version})`,
    kubectl: true,
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
