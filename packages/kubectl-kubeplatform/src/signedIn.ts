import { CliError } from './CliError';
import { loginHint } from './devenvApi';
import { loadSignIn, type CachedSignIn } from './tokenCache';

/** The cached sign-in for an API, or a message that says how to sign in. */
export async function signedIn(api: string): Promise<CachedSignIn> {
  const signIn = await loadSignIn(api);
  if (!signIn) {
    throw new CliError(
      `Not signed in to ${api}. Sign in once, in your browser: ${loginHint(
        api,
      )}`,
    );
  }
  if (Date.parse(signIn.expiresAt) <= Date.now()) {
    throw new CliError(
      `Your sign-in to ${api} expired at ${
        signIn.expiresAt
      }. Sign in again: ${loginHint(api)}`,
    );
  }
  return signIn;
}
