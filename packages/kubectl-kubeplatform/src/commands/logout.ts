import { removeSignIn } from '../tokenCache';

/** Forgets the cached sign-in. */
export async function logout(options: { api: string }): Promise<void> {
  const removed = await removeSignIn(options.api);
  process.stderr.write(
    removed
      ? `Signed out of ${options.api}.\n`
      : `Was not signed in to ${options.api}.\n`,
  );
}
