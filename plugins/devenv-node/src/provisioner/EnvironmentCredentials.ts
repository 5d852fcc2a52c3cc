import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import type { V1Secret } from '@kubernetes/client-node';
import { parseDuration } from '@kubeplatform/clusters-common';
import { CONNECT_SERVICE_ACCOUNT } from '../classes/NamespaceClass';
import type { DevenvSettings } from '../config/settingsSchema';
import type { EnvironmentLocator, ExpectedAnchor } from './EnvironmentLocator';
import { namespacedKubeconfig } from './namespacedKubeconfig';

/**
 * A namespace-scoped kubeconfig and when its token expires.
 *
 * @public
 */
export interface IssuedKubeconfig {
  kubeconfig: string;
  expiresAt: string;
  namespace: string;
}

/**
 * The connection details a resource-template class publishes in a Secret.
 *
 * @public
 */
export interface ConnectionSecret {
  secretRef: { namespace: string; name: string };
  data: Record<string, string>;
}

/**
 * The annotation a composition may put on a connection Secret instead of an owner reference:
 * the UID of the claim it belongs to.
 *
 * @public
 */
export const CLAIM_UID_ANNOTATION = 'kubeplatform.io/claim-uid';

/** Whether a Secret is tied to this very anchor: an owner reference or annotation with its UID. */
function belongsTo(secret: V1Secret, anchorUid: string | undefined): boolean {
  if (!anchorUid) {
    return false;
  }
  return (
    (secret.metadata?.ownerReferences ?? []).some(
      owner => owner.uid === anchorUid,
    ) || secret.metadata?.annotations?.[CLAIM_UID_ANNOTATION] === anchorUid
  );
}

/** Shortest token a kubeconfig is issued with, in seconds (the TokenRequest API minimum). */
const MIN_TOKEN_SECONDS = 600;

/**
 * Everything that hands out credentials for an environment, kept in one place for security
 * review. What these methods return goes only to the requesting user: never to a log, an error
 * message, an audit record or a cache.
 */
export class EnvironmentCredentials {
  constructor(
    private readonly locator: EnvironmentLocator,
    private readonly settings: DevenvSettings,
  ) {}

  /** A kubeconfig for the environment's namespace with a short-lived TokenRequest token. */
  async issueKubeconfig(
    cluster: string,
    name: string,
    expected: ExpectedAnchor = {},
  ): Promise<IssuedKubeconfig> {
    const { client, environment, cls } = await this.locator.locateManaged(
      cluster,
      name,
      expected,
    );
    if (cls.type !== 'namespace') {
      throw new InputError(
        `Class "${cls.name}" does not issue kubeconfigs; use its connect command`,
      );
    }
    if (
      environment.status === 'provisioning' ||
      environment.status === 'deleting'
    ) {
      throw new ConflictError(
        `Environment ${environment.ref} is ${environment.status}`,
      );
    }
    const config = this.settings.classes.find(c => c.name === cls.name);
    const ttlMs =
      parseDuration(config?.type === 'namespace' ? config.tokenTtl : '1h') ??
      3600_000;
    const { token, expiresAt } = await client.requestToken(
      environment.namespace,
      CONNECT_SERVICE_ACCOUNT,
      Math.max(MIN_TOKEN_SECONDS, Math.floor(ttlMs / 1000)),
    );
    const kubeconfig = await namespacedKubeconfig({
      platformKubeConfig: client.kubeConfig,
      clusterName: cluster,
      namespace: environment.namespace,
      user: `${name}-${CONNECT_SERVICE_ACCOUNT}`,
      token,
    });
    return { kubeconfig, expiresAt, namespace: environment.namespace };
  }

  /** The decoded data of the connection Secret a resource-template class publishes. */
  async readConnectionSecret(
    cluster: string,
    name: string,
  ): Promise<ConnectionSecret> {
    const { client, environment, anchor } = await this.locator.locateManaged(
      cluster,
      name,
    );
    if (environment.connection.kind !== 'secret') {
      throw new InputError(
        `Environment ${environment.ref} does not publish a connection secret`,
      );
    }
    const { secretRef } = environment.connection;
    const secret = await client.read<V1Secret>({
      apiVersion: 'v1',
      kind: 'Secret',
      ...secretRef,
    });
    if (!secret) {
      throw new NotFoundError(
        `Environment ${environment.ref} has not published its connection secret ${secretRef.namespace}/${secretRef.name} yet`,
      );
    }
    // The name comes from the request, so a secret of that name may be anyone's.
    if (!belongsTo(secret, anchor.metadata?.uid)) {
      throw new NotAllowedError(
        `Secret ${secretRef.namespace}/${secretRef.name} is not tied to environment ${environment.ref} (no owner reference or ${CLAIM_UID_ANNOTATION} annotation with its UID); it was not returned`,
      );
    }
    const data = Object.fromEntries(
      Object.entries(secret.data ?? {}).map(([key, value]) => [
        key,
        Buffer.from(value, 'base64').toString('utf8'),
      ]),
    );
    return { secretRef, data };
  }
}
