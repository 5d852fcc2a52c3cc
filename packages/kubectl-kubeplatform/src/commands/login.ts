import { randomBytes } from 'node:crypto';
import { CliError } from '../CliError';
import { listenForLoginCallback } from '../loginCallback';
import { openBrowser } from '../openBrowser';
import { saveSignIn } from '../tokenCache';

/**
 * Signs in through the browser once: the Environments page, with the user's own Backstage
 * session, posts a limited, short-lived token to a one-time loopback callback.
 */
export async function login(options: {
  api: string;
  openInBrowser: boolean;
  timeoutMs: number;
}): Promise<void> {
  const state = randomBytes(32).toString('base64url');
  const callback = await listenForLoginCallback({
    state,
    timeoutMs: options.timeoutMs,
  });
  try {
    const url = `${options.api}/cli/login?port=${callback.port}&state=${state}`;
    const opened = options.openInBrowser && (await openBrowser(url));
    process.stderr.write(
      opened
        ? `Opening your browser to sign in to Backstage. If it did not open, open this URL to sign in: ${url}\n`
        : `Open this URL to sign in: ${url}\n`,
    );
    let received;
    try {
      received = await callback.received;
    } catch (error) {
      throw new CliError(
        `${(error as Error).message}; run the command again to retry`,
      );
    }
    await saveSignIn({ api: options.api, ...received });
    process.stderr.write(
      `Signed in to ${options.api} until ${received.expiresAt}.\n`,
    );
  } finally {
    await callback.close();
  }
}
