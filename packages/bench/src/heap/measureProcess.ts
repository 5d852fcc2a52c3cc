import { spawn } from 'node:child_process';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { ChildRequest, ChildResult, RESULT_PREFIX } from './childProtocol';

/** Runs one measurement in a fresh Node process (cacheChild.ts, --expose-gc) and returns it. */
export function measureInFreshProcess(
  request: ChildRequest,
): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--expose-gc',
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        resolvePackagePath('@kubeplatform/bench', 'src/heap/cacheChild.ts'),
        JSON.stringify(request),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', chunk => {
      out += chunk;
    });
    child.stderr.on('data', chunk => {
      err += chunk;
    });
    child.on('error', reject);
    child.on('close', code => {
      const line = out.split('\n').find(l => l.startsWith(RESULT_PREFIX));
      if (code !== 0 || !line) {
        reject(
          new Error(
            `measuring process exited ${code}: ${err.trim().slice(-2000)}`,
          ),
        );
        return;
      }
      resolve(JSON.parse(line.slice(RESULT_PREFIX.length)));
    });
  });
}
