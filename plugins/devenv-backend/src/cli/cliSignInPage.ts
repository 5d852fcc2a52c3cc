import { InputError } from '@backstage/errors';

/** Where the Environments page lives in the app; it hosts the sign-in confirmation. */
const ENVIRONMENTS_PAGE_PATH = '/devenv';

/**
 * The app page that signs the credential plugin in: the Environments page with the plugin's
 * loopback port and state. Only a port and an opaque state pass through, never a URL, so the
 * page can only ever hand a token to `127.0.0.1` on this very computer.
 */
export function cliSignInPageUrl(
  appBaseUrl: string,
  query: { port?: unknown; state?: unknown },
): string {
  const port = typeof query.port === 'string' ? Number(query.port) : NaN;
  if (!Number.isInteger(port) || port < 1024 || port > 65535) {
    throw new InputError('port must be a number from 1024 to 65535');
  }
  const state = typeof query.state === 'string' ? query.state : '';
  if (!/^[A-Za-z0-9_-]{32,128}$/.test(state)) {
    throw new InputError('state must be 32 to 128 URL-safe characters');
  }
  const url = new URL(
    `${appBaseUrl.replace(/\/$/, '')}${ENVIRONMENTS_PAGE_PATH}`,
  );
  url.searchParams.set('cli-port', String(port));
  url.searchParams.set('cli-state', state);
  return url.toString();
}
