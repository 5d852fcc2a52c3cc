import { KubeConfig } from '@kubernetes/client-node';
import {
  ConnectionLimits,
  KubernetesConnection,
} from '../connection/KubernetesConnection';

/** A connection, with bearer `token`, to the mock API server at `url`. */
export function connectionTo(
  url: string,
  options: { token?: string; limits?: Partial<ConnectionLimits> } = {},
) {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    // client-node only allows plain HTTP (the mock) with skipTLSVerify.
    clusters: [{ name: 'c', server: url, skipTLSVerify: true }],
    users: [{ name: 'u', token: options.token ?? 't' }],
    contexts: [{ name: 'c', cluster: 'c', user: 'u' }],
    currentContext: 'c',
  });
  return new KubernetesConnection('c', async () => kc, options.limits);
}

/** Waits until `check()` holds, polling every 10 ms; throws after `timeoutMs`. */
export async function until(check: () => boolean, timeoutMs = 3000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise(r => setTimeout(r, 10));
  }
}
