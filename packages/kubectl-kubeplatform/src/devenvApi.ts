import { CliError } from './CliError';
import type { CachedSignIn } from './tokenCache';

/** The message of a Backstage error body, if it has one; never the raw body. */
async function backendMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: unknown } };
    return typeof body.error?.message === 'string' ? body.error.message : '';
  } catch {
    return '';
  }
}

/** How to sign in again, as the user types it. */
export function loginHint(api: string): string {
  return `kubectl-kubeplatform login --api ${api}`;
}

/**
 * POSTs to the devenv API with the cached sign-in and turns refusals into messages the user
 * acts on. The token goes only into the Authorization header.
 */
export async function postWithSignIn(
  signIn: CachedSignIn,
  path: string,
  environmentRef: string,
): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(`${signIn.api}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${signIn.token}` },
    });
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    throw new CliError(
      `Cannot reach ${signIn.api}: ${cause ?? (error as Error).message}`,
    );
  }
  if (response.ok) return response;
  const message = await backendMessage(response);
  switch (response.status) {
    case 401:
      throw new CliError(
        `Your sign-in to ${
          signIn.api
        } was refused (expired or revoked). Sign in again: ${loginHint(
          signIn.api,
        )}`,
      );
    case 403:
      throw new CliError(
        `You may not connect to environment ${environmentRef}${
          message ? `: ${message}` : ''
        }`,
      );
    case 404:
      throw new CliError(
        `Environment ${environmentRef} is gone (expired or deleted)${
          message ? `: ${message}` : ''
        }`,
      );
    default:
      throw new CliError(
        `${signIn.api} answered ${response.status} for ${environmentRef}${
          message ? `: ${message}` : ''
        }`,
      );
  }
}
