import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** A cached Backstage sign-in for one devenv API. */
export interface CachedSignIn {
  api: string;
  token: string;
  expiresAt: string;
}

/** `$KUBEPLATFORM_CACHE_DIR`, or `~/.kube/cache/kubeplatform` next to kubectl's own cache. */
export function cacheDir(): string {
  return (
    process.env.KUBEPLATFORM_CACHE_DIR ??
    join(homedir(), '.kube', 'cache', 'kubeplatform')
  );
}

/** One file per API, named by a hash so that the URL needs no escaping. */
function cacheFile(api: string): string {
  const key = createHash('sha256').update(api).digest('hex').slice(0, 32);
  return join(cacheDir(), `${key}.json`);
}

/** Writes the sign-in readable by the user only (0600 in a 0700 folder), atomically. */
export async function saveSignIn(signIn: CachedSignIn): Promise<void> {
  const dir = cacheDir();
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  await fs.chmod(dir, 0o700);
  const file = cacheFile(signIn.api);
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await fs.writeFile(temporary, JSON.stringify(signIn), {
    mode: 0o600,
    flag: 'wx',
  });
  await fs.rename(temporary, file);
}

/** The cached sign-in for an API, if there is one. */
export async function loadSignIn(
  api: string,
): Promise<CachedSignIn | undefined> {
  let text: string;
  try {
    text = await fs.readFile(cacheFile(api), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed: Partial<CachedSignIn> = JSON.parse(text);
  if (
    parsed.api !== api ||
    typeof parsed.token !== 'string' ||
    typeof parsed.expiresAt !== 'string'
  ) {
    return undefined;
  }
  return { api, token: parsed.token, expiresAt: parsed.expiresAt };
}

/** Forgets the sign-in for an API; true if there was one. */
export async function removeSignIn(api: string): Promise<boolean> {
  try {
    await fs.unlink(cacheFile(api));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** The cache file's path, for tests and `status`. */
export function signInFile(api: string): string {
  return cacheFile(api);
}
