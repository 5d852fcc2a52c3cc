import { CoreV1Api, KubeConfig, V1Namespace } from '@kubernetes/client-node';

/**
 * The namespace, or undefined once the API server answers 404.
 *
 * @public
 */
export async function readNamespace(
  core: CoreV1Api,
  name: string,
  attempt = 0,
): Promise<V1Namespace | undefined> {
  try {
    return await core.readNamespace({ name });
  } catch (error) {
    if ((error as { code?: number }).code === 404) return undefined;
    // A kept-alive socket the API server closed; the read is safe to repeat.
    if ((error as { code?: string }).code === 'ECONNRESET' && attempt < 2) {
      return readNamespace(core, name, attempt + 1);
    }
    throw error;
  }
}

/**
 * Waits until a deleted namespace has finished terminating; throws after `timeoutMs`.
 *
 * @public
 */
export async function waitUntilGone(
  kubeConfig: KubeConfig,
  name: string,
  timeoutMs = 60_000,
): Promise<void> {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!(await readNamespace(core, name))) return;
    await new Promise(r => setTimeout(r, 250));
  }
  throw new Error(`namespace ${name} still exists after ${timeoutMs} ms`);
}
