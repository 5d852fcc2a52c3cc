import {
  KubeConfig,
  KubernetesObject,
  KubernetesObjectApi,
  PatchStrategy,
} from '@kubernetes/client-node';

/** The field manager for objects the local fleet seeds (the suite itself uses `kubeplatform`). */
export const SEED_FIELD_MANAGER = 'kubeplatform-local-clusters';

/** Server-side applies objects in order; later objects may depend on earlier ones. */
export async function applyObjects(
  kc: KubeConfig,
  objects: KubernetesObject[],
  signal?: AbortSignal,
): Promise<void> {
  const api = KubernetesObjectApi.makeApiClient(kc);
  for (const object of objects) {
    signal?.throwIfAborted();
    try {
      await api.patch(
        object,
        undefined,
        undefined,
        SEED_FIELD_MANAGER,
        true,
        PatchStrategy.ServerSideApply,
      );
    } catch (error) {
      const where = `${object.kind} ${object.metadata?.namespace ?? ''}/${
        object.metadata?.name
      }`;
      throw new Error(`applying ${where} failed: ${describeApiError(error)}`);
    }
  }
}

/** A one-line reason from a client-node error, without request headers or bodies we sent. */
export function describeApiError(error: unknown): string {
  const e = error as { code?: number; body?: unknown; message?: string };
  if (typeof e?.code === 'number') {
    let message = '';
    try {
      const body = typeof e.body === 'string' ? JSON.parse(e.body) : e.body;
      message = (body as { message?: string })?.message ?? '';
    } catch {
      message = '';
    }
    return `HTTP ${e.code}${message ? `: ${message}` : ''}`;
  }
  return e?.message ?? String(error);
}

/** Polls `check` until it returns a value, or fails with `what` after `timeoutMs`. */
export async function pollUntil<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    signal?.throwIfAborted();
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise(r => setTimeout(r, 500));
  }
  const why = lastError ? `: ${describeApiError(lastError)}` : '';
  throw new Error(
    `timed out after ${timeoutMs / 1000} s waiting for ${what}${why}`,
  );
}
