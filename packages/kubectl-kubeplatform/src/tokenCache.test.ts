import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSignIn, removeSignIn, saveSignIn, signInFile } from './tokenCache';

const API = 'https://backstage.example.com/api/devenv';

describe('tokenCache', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(join(tmpdir(), 'kp-cache-'));
    process.env.KUBEPLATFORM_CACHE_DIR = join(dir, 'kubeplatform');
  });
  afterEach(async () => {
    delete process.env.KUBEPLATFORM_CACHE_DIR;
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('keeps the sign-in readable by the user only, per API', async () => {
    const signIn = {
      api: API,
      token: 't0ken',
      expiresAt: '2030-01-01T00:00:00.000Z',
    };
    await saveSignIn(signIn);
    expect((await fs.stat(signInFile(API))).mode & 0o777).toBe(0o600);
    expect((await fs.stat(join(dir, 'kubeplatform'))).mode & 0o777).toBe(0o700);
    await expect(loadSignIn(API)).resolves.toEqual(signIn);
    await expect(
      loadSignIn('https://other/api/devenv'),
    ).resolves.toBeUndefined();
    // A second sign-in replaces the first.
    await saveSignIn({ ...signIn, token: 'newer' });
    await expect(loadSignIn(API)).resolves.toMatchObject({ token: 'newer' });
    expect(await fs.readdir(join(dir, 'kubeplatform'))).toHaveLength(1);
    await expect(removeSignIn(API)).resolves.toBe(true);
    await expect(loadSignIn(API)).resolves.toBeUndefined();
    await expect(removeSignIn(API)).resolves.toBe(false);
  });
});
