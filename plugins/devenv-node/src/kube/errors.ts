import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';

/** The parts of a Kubernetes Status body worth showing; never headers or request details. */
function statusMessage(body: unknown): string | undefined {
  let parsed = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      return undefined;
    }
  }
  if (parsed && typeof parsed === 'object' && 'message' in parsed) {
    const message = (parsed as { message: unknown }).message;
    return typeof message === 'string' ? message : undefined;
  }
  return undefined;
}

function httpCode(error: unknown): number | undefined {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'number' ? code : undefined;
}

/** Network-level failures: the API server could not be reached at all. */
function networkReason(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^(E[A-Z]+|UND_ERR_\w+)$/.test(code)) {
      return code;
    }
    const name = (current as { name?: unknown }).name;
    if (name === 'FetchError' || name === 'AbortError') {
      return String((current as { type?: unknown }).type ?? name);
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function isConnectionReset(error: unknown): boolean {
  return networkReason(error) === 'ECONNRESET';
}

export function isNotFound(error: unknown): boolean {
  return httpCode(error) === 404 || error instanceof NotFoundError;
}

export function isAlreadyExists(error: unknown): boolean {
  return httpCode(error) === 409;
}

/**
 * Turns a client-node error into a Backstage error with a message safe for a log line or a
 * response: the Kubernetes Status message and the cluster, nothing from the request.
 */
export function toBackstageError(
  error: unknown,
  what: string,
  cluster: string,
): Error {
  const code = httpCode(error);
  const message = statusMessage((error as { body?: unknown })?.body);
  const detail = `${what} on cluster "${cluster}"`;
  if (code === undefined) {
    const reason = networkReason(error);
    if (reason) {
      return new ServiceUnavailableError(
        `${detail} failed: cluster unreachable (${reason})`,
      );
    }
    return error instanceof Error ? error : new Error(String(error));
  }
  const suffix = message ? `: ${message}` : ` (HTTP ${code})`;
  switch (code) {
    case 400:
    case 422:
      return new InputError(`${detail} was refused${suffix}`);
    case 401:
    case 403:
      return new NotAllowedError(`${detail} was forbidden${suffix}`);
    case 404:
      return new NotFoundError(`${detail}: not found${suffix}`);
    case 409:
      return new ConflictError(`${detail} conflicted${suffix}`);
    default:
      return new ServiceUnavailableError(`${detail} failed${suffix}`);
  }
}
