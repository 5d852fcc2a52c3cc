import fs from 'node:fs';
import path from 'node:path';
import type { ClusterObserver } from './ClusterObserver';
import type { AccessCheck } from './kubectl';
import { expectStatus, SignedInUser } from './signedInUser';

/** Milliseconds after the create request was sent, each step of one environment. */
export interface EnvironmentTiming {
  name: string;
  /** `POST /api/devenv/environments` answered 201 with status `ready`. */
  apiReadyMs: number;
  /** Namespace, quota, limits, network policy and role binding read back and checked. */
  readBackMs: number;
  /** The quota controller has computed the quota, so the API server admits pods. */
  quotaInForceMs: number;
  /** `POST .../kubeconfig` answered with the namespace's kubeconfig. */
  kubeconfigMs: number;
  /** `kubectl auth can-i create pods` with it (or its SelfSubjectAccessReview): yes in the environment, no in `default`. */
  canIMs: number;
  /** All of the above: the environment's guardrails are verified. */
  verifiedMs: number;
}

/** Milliseconds after the create request was sent, for the bare namespace. */
export interface BareNamespaceTiming {
  name: string;
  /** `POST /api/kubernetes/proxy/api/v1/namespaces` answered 201. */
  apiMs: number;
  /** The namespace read back, Active. */
  verifiedMs: number;
}

export interface MeasureContext {
  user: SignedInUser;
  observer: ClusterObserver;
  access: AccessCheck;
  cluster: string;
  /** A private folder for the issued kubeconfig files (they hold a token). */
  tmpDir: string;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** A clock started now: each call answers the milliseconds since, to a tenth. */
function stopwatch(): () => number {
  const started = performance.now();
  return () => round(performance.now() - started);
}

/** POSTs `body` as JSON as the signed-in user. */
const postAs = (
  ctx: MeasureContext,
  apiPath: string,
  body: object,
  headers: Record<string, string> = {},
) =>
  ctx.user.fetch(apiPath, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });

/**
 * One `namespace`-class environment through the product, as the signed-in user, from the
 * create request until its guardrails are verified. After the API says ready, the read-back
 * and the connect check run side by side, as a careful user's script would.
 */
export async function measureEnvironment(
  ctx: MeasureContext,
  name: string,
): Promise<EnvironmentTiming> {
  const at = stopwatch();
  const res = await postAs(ctx, '/api/devenv/environments', {
    name,
    class: 'namespace',
    cluster: ctx.cluster,
    ttl: '1h',
  });
  await expectStatus(res, [201], `create environment ${ctx.cluster}/${name}`);
  const { environment } = await res.json();
  const apiReadyMs = at();
  if (environment?.status !== 'ready') {
    throw new Error(`${ctx.cluster}/${name} answered ${environment?.status}`);
  }
  const [objects, connect] = await Promise.all([
    (async () => {
      await ctx.observer.readBackEnvironment(name, environment.owner);
      const readBackMs = at();
      await ctx.observer.waitForQuotaInForce(name);
      return { readBackMs, quotaInForceMs: at() };
    })(),
    (async () => {
      const issued = await ctx.user.fetch(
        `/api/devenv/environments/${ctx.cluster}/${name}/kubeconfig?format=yaml`,
        { method: 'POST' },
      );
      await expectStatus(issued, [200], `kubeconfig of ${name}`);
      const file = path.join(ctx.tmpDir, `${name}.kubeconfig`);
      fs.writeFileSync(file, await issued.text(), { mode: 0o600 });
      const kubeconfigMs = at();
      try {
        const [inside, outside] = await Promise.all([
          ctx.access.canI(file, 'create', 'pods', name),
          ctx.access.canI(file, 'create', 'pods', 'default'),
        ]);
        if (!inside) throw new Error(`${name}: may not create pods in it`);
        if (outside) throw new Error(`${name}: may create pods in default`);
      } finally {
        fs.rmSync(file, { force: true });
      }
      return { kubeconfigMs, canIMs: at() };
    })(),
  ]);
  return { name, apiReadyMs, ...objects, ...connect, verifiedMs: at() };
}

/**
 * The anchor: a bare namespace, the whole job of the community `kubernetes:create-namespace`
 * action, created over HTTP through upstream Backstage's Kubernetes proxy in the same backend,
 * as the same user, with the same service account; timed until it is read back Active.
 */
export async function measureBareNamespace(
  ctx: MeasureContext,
  name: string,
): Promise<BareNamespaceTiming> {
  const at = stopwatch();
  const res = await postAs(
    ctx,
    '/api/kubernetes/proxy/api/v1/namespaces',
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name } },
    { 'Backstage-Kubernetes-Cluster': ctx.cluster },
  );
  await expectStatus(res, [201], `create namespace ${name} through the proxy`);
  await res.arrayBuffer();
  const apiMs = at();
  await ctx.observer.readActiveNamespace(name);
  return { name, apiMs, verifiedMs: at() };
}

/** Deletes what the runs made, the way each was made; waits until the namespaces are gone. */
export async function removeAll(
  ctx: MeasureContext,
  made: { environments: string[]; bareNamespaces: string[] },
) {
  const failures: string[] = [];
  await Promise.all([
    ...made.environments.map(name =>
      ctx.user
        .fetch(`/api/devenv/environments/${ctx.cluster}/${name}`, {
          method: 'DELETE',
        })
        .then(res => expectStatus(res, [200, 404], `delete ${name}`))
        .catch(error => failures.push(String(error))),
    ),
    ...made.bareNamespaces.map(name =>
      ctx.user
        .fetch(`/api/kubernetes/proxy/api/v1/namespaces/${name}`, {
          method: 'DELETE',
          headers: { 'Backstage-Kubernetes-Cluster': ctx.cluster },
        })
        .then(res => expectStatus(res, [200, 202, 404], `delete ${name}`))
        .catch(error => failures.push(String(error))),
    ),
  ]);
  await ctx.observer
    .waitUntilGone([...made.environments, ...made.bareNamespaces])
    .catch(error => failures.push(String(error)));
  return failures;
}
