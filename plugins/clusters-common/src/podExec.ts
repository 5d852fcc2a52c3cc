/**
 * The WebSocket subprotocol of the pod terminal (`/api/multicluster/exec`).
 *
 * @public
 */
export const POD_EXEC_PROTOCOL = 'kubeplatform.exec.v1';

/**
 * Browsers cannot set headers on a WebSocket: the terminal's user token travels as a second
 * subprotocol, this prefix followed by the token in base64url. The server never echoes it.
 *
 * @public
 */
export const POD_EXEC_BEARER_PROTOCOL_PREFIX = 'base64url.bearer.kubeplatform.';

/**
 * The close codes of a pod terminal, besides 1000 (the command exited) and 1011 (failure).
 * `tooManySessions` ends a terminal the user may open, but not now: they already hold
 * `exec.maxSessionsPerUser` terminals; the close reason says so.
 *
 * @public
 */
export const POD_EXEC_CLOSE_CODES = {
  exited: 1000,
  failed: 1011,
  revoked: 4403,
  gone: 4404,
  timedOut: 4408,
  tooManySessions: 4429,
} as const;
