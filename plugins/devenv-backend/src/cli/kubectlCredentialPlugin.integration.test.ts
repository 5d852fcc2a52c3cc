import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { CoreV1Api } from '@kubernetes/client-node';
import { loadLocalFleet, LocalFleet } from '@kubeplatform/local-clusters';
import { waitUntilGone } from '@kubeplatform/plugin-devenv-node/testUtils';
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { groupsUserInfoFactory } from '../__testUtils__/groupsUserInfoFactory';
import { startDevenvFleetBackend } from '../__testUtils__/startDevenvFleetBackend';
import {
  canCreatePods,
  installCredentialPlugin,
  runCommand,
  runKubectl,
  startPluginLogin,
  type CredentialPluginInstall,
} from '../testUtils';

/*
 * The credential plugin end to end: the real `kubectl-kubeplatform` bin, a real `kubectl` and
 * the local fleet. The browser is simulated, honestly: the test follows the sign-in URL the
 * plugin prints, then does what the Environments page does with the user's session (asks
 * `POST /cli/token` as that user: here a mock user token of the test backend, not a real
 * identity provider) and posts the answer to the plugin's loopback callback.
 */

jest.setTimeout(120_000);
const CLUSTER = 'dev-eu';
const ALICE = 'user:default/alice';
const APP = 'http://app.test';
const KUBECTL = process.env.KUBECTL ?? 'kubectl';

let fleet: LocalFleet;
let logger: ReturnType<typeof mockServices.logger.mock>;
let backend: Awaited<ReturnType<typeof startDevenvFleetBackend>>;
let api: string;
let installed: CredentialPluginInstall | undefined;
let work: string;
let env: NodeJS.ProcessEnv;
const name = `it-cli-${Date.now().toString(36)}`;

/** The plugin's `command` for the test's environment, against the test backend. */
function pluginOnEnvironment(command: string, ...rest: string[]) {
  return runCommand(
    'kubectl-kubeplatform',
    [command, '--api', api, `${CLUSTER}/${name}`, ...rest],
    env,
  );
}

/** Every string the backend logged, to show no token reached a log. */
function everythingLogged(): string {
  return JSON.stringify(
    Object.values(logger).flatMap(fn =>
      jest.isMockFunction(fn) ? fn.mock.calls : [],
    ),
  );
}

beforeAll(async () => {
  const kubectlFound = spawnSync(KUBECTL, ['version', '--client']);
  if (kubectlFound.status !== 0) {
    throw new Error(
      `no kubectl: this test needs a real kubectl on PATH or in $KUBECTL (${KUBECTL})`,
    );
  }
  fleet = await loadLocalFleet();
  logger = mockServices.logger.mock();
  backend = await startDevenvFleetBackend(fleet, {
    config: { app: { baseUrl: APP } },
    features: [groupsUserInfoFactory({})],
    logger,
    ownerExists: async ref => ref === ALICE,
  });
  // What discovery tells developers, and so what the exec kubeconfig names.
  const { port } = backend.server.address() as { port: number };
  api = `http://localhost:${port}/api/devenv`;

  installed = await installCredentialPlugin('kubectl-kubeplatform-');
  work = installed.dir;
  env = { ...installed.env, HOME: work };
});

afterAll(async () => {
  await backend?.stop();
  const core = fleet.cluster(CLUSTER).kubeConfig().makeApiClient(CoreV1Api);
  await core.deleteNamespace({ name }).catch(() => undefined);
  await installed?.remove();
});

describe('kubectl-kubeplatform against the local fleet', () => {
  it('signs in through the (simulated) browser once, then kubectl connects with no token in its kubeconfig', async () => {
    const created = await request(backend.server)
      .post('/api/devenv/environments')
      .set('Authorization', mockCredentials.user.header(ALICE))
      .send({ name, class: 'namespace', cluster: CLUSTER, ttl: '1h' });
    expect(created.status).toBe(201);
    const namespace: string = created.body.environment.namespace;
    const kubeconfigFile = join(work, `${name}.kubeconfig`);

    // Not signed in yet: a clear message, nothing on stdout.
    const early = await pluginOnEnvironment('kubeconfig');
    expect(early.code).toBe(1);
    expect(early.stdout).toBe('');
    expect(early.stderr).toContain(
      `Not signed in to ${api}. Sign in once, in your browser: kubectl-kubeplatform login --api ${api}`,
    );

    // 1. `login` prints the sign-in URL and waits on its loopback callback.
    const login = startPluginLogin(api, env);
    const signInUrl = await login.signInUrl;

    // 2. The browser follows it: the backend sends it to the app's Environments page.
    const redirect = await fetch(signInUrl, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    const page = new URL(redirect.headers.get('location')!);
    expect(`${page.origin}${page.pathname}`).toBe(`${APP}/devenv`);
    const port = page.searchParams.get('cli-port')!;
    const state = page.searchParams.get('cli-state')!;

    // 3. The page, with the user's session, gets a limited token for the plugin.
    const issued = await request(backend.server)
      .post('/api/devenv/cli/token')
      .set('Authorization', mockCredentials.user.header(ALICE));
    expect(issued.status).toBe(200);
    expect(issued.headers['cache-control']).toBe('no-store');
    const { token, expiresAt } = issued.body;
    // Limited: no other API takes it, and it cannot renew itself.
    for (const refused of [
      request(backend.server).get('/api/devenv/environments'),
      request(backend.server).post('/api/devenv/cli/token'),
      request(backend.server).post(
        `/api/devenv/environments/${CLUSTER}/${name}/kubeconfig?format=yaml`,
      ),
    ]) {
      expect(
        (await refused.set('Authorization', `Bearer ${token}`)).status,
      ).toBe(401);
    }

    // The app's cookie is never taken for the plugin's token: a cross-site form would carry it.
    for (const path of ['credential', 'kubeconfig?format=exec']) {
      const viaCookie = await request(backend.server)
        .post(`/api/devenv/environments/${CLUSTER}/${name}/${path}`)
        .set('Cookie', mockCredentials.limitedUser.cookie(ALICE));
      expect(viaCookie.status).toBe(401);
    }

    // An attacker's page that does not know the state is refused; the real page is not.
    const callback = `http://127.0.0.1:${port}/callback`;
    const form = (fields: Record<string, string>) =>
      fetch(callback, {
        method: 'POST',
        body: new URLSearchParams(fields),
      });
    expect(
      (await form({ state: 'x'.repeat(43), token: 'attacker', expiresAt }))
        .status,
    ).toBe(403);
    expect((await form({ state, token, expiresAt })).status).toBe(200);
    expect(await login.exit).toBe(0);
    // A replay finds nobody listening any more.
    await expect(form({ state, token, expiresAt })).rejects.toThrow();

    // The token is cached 0600 and never printed.
    const cacheFiles = await fs.readdir(env.KUBEPLATFORM_CACHE_DIR!);
    expect(cacheFiles).toHaveLength(1);
    const cached = join(env.KUBEPLATFORM_CACHE_DIR!, cacheFiles[0]);
    expect((await fs.stat(cached)).mode & 0o777).toBe(0o600);
    expect((await fs.stat(env.KUBEPLATFORM_CACHE_DIR!)).mode & 0o777).toBe(
      0o700,
    );
    expect(login.stderr() + login.stdout()).not.toContain(token);
    expect(login.stderr()).toContain(`Signed in to ${api} until`);

    // 4. A kubeconfig that runs the plugin: no token in it.
    const written = await pluginOnEnvironment(
      'kubeconfig',
      '-o',
      kubeconfigFile,
    );
    expect(written).toMatchObject({
      code: 0,
      stdout: '',
      stderr: `Wrote ${kubeconfigFile}. Try: kubectl --kubeconfig ${kubeconfigFile} get pods\n`,
    });
    const text = await fs.readFile(kubeconfigFile, 'utf8');
    expect(text).not.toMatch(/token/);
    expect(parse(text).users[0].user.exec).toMatchObject({
      apiVersion: 'client.authentication.k8s.io/v1',
      command: 'kubectl-kubeplatform',
      args: ['credential', '--api', api, `${CLUSTER}/${name}`],
    });
    expect(parse(text).contexts[0].context.namespace).toBe(namespace);

    // 5. A real kubectl: the plugin exchanges the sign-in for the namespace token.
    const kubectl = { env, kubectl: KUBECTL };
    const inside = await canCreatePods(kubeconfigFile, namespace, kubectl);
    expect(inside).toMatchObject({ code: 0, stdout: 'yes\n' });
    const outside = await canCreatePods(kubeconfigFile, 'default', kubectl);
    expect(outside.stdout).toBe('no\n');
    expect(outside.code).toBe(1);

    // What kubectl read: an ExecCredential that expires, so that kubectl asks again.
    const credential = await pluginOnEnvironment('credential');
    expect(credential).toMatchObject({ code: 0, stderr: '' });
    const exec = JSON.parse(credential.stdout);
    expect(exec).toMatchObject({
      apiVersion: 'client.authentication.k8s.io/v1',
      kind: 'ExecCredential',
    });
    const expiry = Date.parse(exec.status.expirationTimestamp);
    expect(expiry).toBeGreaterThan(Date.now() + 5 * 60_000);
    expect(expiry).toBeLessThan(Date.now() + 2 * 3600_000);

    // Someone else's cache (not signed in): kubectl fails with the plugin's message.
    const stranger = { ...env, KUBEPLATFORM_CACHE_DIR: join(work, 'other') };
    const refused = await runKubectl(
      kubeconfigFile,
      ['get', 'pods', '-n', namespace],
      { env: stranger, kubectl: KUBECTL },
    );
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(`Not signed in to ${api}`);

    // The environment gone: the plugin says so.
    const deleted = await request(backend.server)
      .delete(`/api/devenv/environments/${CLUSTER}/${name}`)
      .set('Authorization', mockCredentials.user.header(ALICE));
    expect(deleted.status).toBe(200);
    await waitUntilGone(fleet.cluster(CLUSTER).kubeConfig(), namespace);
    const gone = await pluginOnEnvironment('credential');
    expect(gone.code).toBe(1);
    expect(gone.stdout).toBe('');
    expect(gone.stderr).toContain(`Environment ${CLUSTER}/${name} is gone`);

    // No token reached a log: neither the sign-in nor an environment token.
    const logged = everythingLogged();
    expect(logged).not.toContain(token);
    expect(logged).not.toContain(exec.status.token);
  });
});
