/**
 * How a request to an API server failed, in the terms the views report:
 * - unauthorized: 401, the credentials were refused;
 * - forbidden: 403, valid credentials without the right;
 * - gone: 410, the resourceVersion is too old, relist;
 * - throttled: 429, back off;
 * - not_found: 404;
 * - unreachable: no connection (refused, reset, DNS, TLS);
 * - timeout: no answer in time;
 * - server_error: anything else.
 *
 * @public
 */
export type KubernetesFailureKind =
  | 'unauthorized'
  | 'forbidden'
  | 'gone'
  | 'throttled'
  | 'not_found'
  | 'unreachable'
  | 'timeout'
  | 'server_error';

const TLS_TRUST_ERRORS = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * A failed API server request. Its message is safe to show: it never contains credentials.
 *
 * @public
 */
export class KubernetesRequestError extends Error {
  readonly name = 'KubernetesRequestError';

  constructor(
    readonly kind: KubernetesFailureKind,
    message: string,
    readonly statusCode?: number,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  static fromStatus(
    statusCode: number,
    what: string,
    detail?: string,
    retryAfterSeconds?: number,
  ): KubernetesRequestError {
    const kind = kindForStatus(statusCode);
    const suffix = detail ? `: ${truncate(detail)}` : '';
    return new KubernetesRequestError(
      kind,
      `${what} failed with HTTP ${statusCode}${suffix}`,
      statusCode,
      retryAfterSeconds,
    );
  }

  static fromNetworkError(
    error: unknown,
    what: string,
  ): KubernetesRequestError {
    if (error instanceof KubernetesRequestError) return error;
    const code = (error as NodeJS.ErrnoException)?.code;
    const reason = code ?? (error as Error)?.name ?? 'network error';
    if (code && TLS_TRUST_ERRORS.has(code)) {
      // A CA that does not match is a credentials problem, not a network one.
      return new KubernetesRequestError(
        'unauthorized',
        `${what} failed: the API server's TLS certificate is not trusted (${code})`,
      );
    }
    if (code === 'ETIMEDOUT' || reason === 'TimeoutError') {
      return new KubernetesRequestError('timeout', `${what} timed out`);
    }
    return new KubernetesRequestError(
      'unreachable',
      `${what} failed: ${reason}`,
    );
  }
}

function kindForStatus(statusCode: number): KubernetesFailureKind {
  switch (statusCode) {
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 410:
      return 'gone';
    case 429:
      return 'throttled';
    case 504:
      return 'timeout';
    default:
      return 'server_error';
  }
}

function truncate(text: string): string {
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
