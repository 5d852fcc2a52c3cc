import { ResponseError } from '@backstage/errors';

/** The backend's own message for a failed request ("owned by someone else"), not only its status. */
export function errorMessage(error: unknown): string {
  if (error instanceof ResponseError) {
    return error.body?.error?.message || error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
