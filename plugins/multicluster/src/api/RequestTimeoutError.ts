/**
 * The backend did not answer, or went silent mid-stream, for longer than allowed.
 *
 * @public
 */
export class RequestTimeoutError extends Error {
  name = 'RequestTimeoutError';
}
