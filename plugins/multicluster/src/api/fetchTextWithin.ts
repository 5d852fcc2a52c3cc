import { FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { linkedAbortController } from './linkedAbortController';
import { RequestTimeoutError } from './RequestTimeoutError';

/**
 * The body of a successful GET of `url`, or a ResponseError; aborted with a RequestTimeoutError
 * when the backend has not answered within `timeoutMs`, or when `signal` aborts.
 */
export async function fetchTextWithin(
  fetchApi: FetchApi,
  url: string,
  timeoutMs: number,
  signal?: AbortSignal,
  headers?: Record<string, string>,
): Promise<string> {
  const { controller, release } = linkedAbortController(signal);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const response = await fetchApi.fetch(url, {
      signal: controller.signal,
      ...(headers && Object.keys(headers).length && { headers }),
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return await response.text();
  } catch (error) {
    if (timedOut) {
      throw new RequestTimeoutError(
        `The multicluster backend did not answer within ${Math.round(
          timeoutMs / 1000,
        )} s: ${url}`,
      );
    }
    throw error;
  } finally {
    clearTimeout(timer);
    release();
  }
}
