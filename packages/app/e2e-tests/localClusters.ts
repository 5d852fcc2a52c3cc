import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** The admin kubeconfig of the local clusters `yarn clusters up` runs. */
const kubeconfig =
  process.env.KUBECONFIG_FILE ??
  path.resolve(__dirname, '../../../.local-clusters/kubeconfig');

/** Runs kubectl as cluster admin against one local cluster (`context`); returns its output. */
export function kubectl(
  context: string,
  args: string[],
  input?: string,
): string {
  return execFileSync(
    'kubectl',
    ['--kubeconfig', kubeconfig, '--context', context, ...args],
    { encoding: 'utf8', ...(input !== undefined && { input }) },
  );
}
