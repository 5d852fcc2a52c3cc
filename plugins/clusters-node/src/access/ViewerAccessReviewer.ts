import { createHash } from 'node:crypto';
import type { KubeConfig } from '@kubernetes/client-node';
import type { ViewerRequestAuth } from '../auth/authMode';
import { KubernetesConnection } from '../connection/KubernetesConnection';
import { KubernetesRequestError } from '../connection/KubernetesRequestError';

/**
 * One thing a viewer wants to do, in `SelfSubjectAccessReview` terms, e.g.
 * `{ verb: 'list', group: 'apps', resource: 'deployments', namespace: 'shop' }`.
 *
 * @public
 */
export interface AccessAttributes {
  verb: string;
  /** `''` for the core group. */
  group: string;
  resource: string;
  subresource?: string;
  /** Absent for a cluster-wide check. */
  namespace?: string;
  name?: string;
}

/**
 * What the API server said about a viewer: one answer per asked attribute, or, when the viewer
 * could not be reviewed at all, why (every attribute then counts as denied). Never holds a token.
 *
 * @public
 */
export interface ViewerAccessReview {
  /** Same order as the asked attributes. */
  allowed: boolean[];
  /**
   * Set when no answer could be had: `unauthorized` (no token for the cluster's provider, or the
   * API server refused it), or the connection's failure (`unreachable`, `timeout`, …).
   */
  failure?: { state: string; reason: string };
}

/**
 * Checks a viewer's own rights on a user-level cluster (`oidc`, `google`, `aks`): the watch
 * cache reads such a cluster with a service credential, and every view of it is additionally
 * checked here, with the viewer's token, before objects are shown or a write is sent.
 *
 * @public
 */
export interface ViewerAccessService {
  /**
   * Asks the cluster, with the viewer's credential, one `SelfSubjectAccessReview` per attribute
   * (answers cached briefly per viewer token, keyed by a hash of it).
   */
  review(
    cluster: string,
    viewer: ViewerRequestAuth,
    attributes: AccessAttributes[],
  ): Promise<ViewerAccessReview>;
}

/** @public */
export interface ViewerAccessOptions {
  /** How long an answer is reused for the same token, cluster and attributes. Default 30 s. */
  cacheTtlMs: number;
  /** Most cached answers; the oldest go first. Default 10000. */
  maxEntries: number;
  /** Time allowed for one review. Default 5 s. */
  requestTimeoutMs: number;
}

/** @public */
export const DEFAULT_VIEWER_ACCESS_OPTIONS: ViewerAccessOptions = {
  cacheTtlMs: 30_000,
  maxEntries: 10_000,
  requestTimeoutMs: 5_000,
};

const SSAR_PATH = '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews';
const USER_AGENT = 'kubeplatform-viewer-access';

interface CachedAnswer {
  expiresAt: number;
  allowed: boolean;
  /** Set when the token itself was refused: every attribute is denied with this reason. */
  refused?: string;
}

/** Failures that say something about the token, not the network: cached like answers. */
const TOKEN_FAILURES = new Set(['unauthorized']);

/**
 * The {@link ViewerAccessService}: viewer credential from the registry (the cluster's user-level
 * strategy), reviews over a short-lived connection with that credential, answers cached per
 * sha256(cluster, credential) so the token itself is never a key, a log field or a message.
 *
 * @public
 */
export class ViewerAccessReviewer implements ViewerAccessService {
  private readonly answers = new Map<string, CachedAnswer>();
  private readonly options: ViewerAccessOptions;

  constructor(
    private readonly deps: {
      /** The viewer's KubeConfig for a user-level cluster; undefined for a service-level one. */
      viewerKubeConfig(
        cluster: string,
        viewer: ViewerRequestAuth,
      ): Promise<KubeConfig | undefined>;
      now?: () => number;
    },
    options: Partial<ViewerAccessOptions> = {},
  ) {
    this.options = { ...DEFAULT_VIEWER_ACCESS_OPTIONS, ...options };
  }

  async review(
    cluster: string,
    viewer: ViewerRequestAuth,
    attributes: AccessAttributes[],
  ): Promise<ViewerAccessReview> {
    let kubeConfig: KubeConfig | undefined;
    try {
      kubeConfig = await this.deps.viewerKubeConfig(cluster, viewer);
    } catch (error) {
      return denyAll(attributes, 'unauthorized', (error as Error).message);
    }
    if (!kubeConfig) {
      return denyAll(
        attributes,
        'unauthorized',
        `cluster '${cluster}' is not read with viewer credentials`,
      );
    }
    const viewerKey = credentialKey(cluster, kubeConfig);
    const now = this.now();
    const hits = attributes.map(attr => {
      const hit = this.answers.get(answerKey(viewerKey, attr));
      return hit && hit.expiresAt > now ? hit : undefined;
    });
    const refused = hits.find(hit => hit?.refused)?.refused;
    if (refused) return denyAll(attributes, 'unauthorized', refused);
    const allowed = hits.map(hit => hit?.allowed);
    const missing = hits.flatMap((hit, i) => (hit ? [] : [i]));
    if (missing.length) {
      const connection = new KubernetesConnection(
        cluster,
        async () => kubeConfig!,
      );
      try {
        const answers = await Promise.all(
          missing.map(i => this.ask(connection, attributes[i])),
        );
        const expiresAt = this.now() + this.options.cacheTtlMs;
        missing.forEach((i, j) => {
          allowed[i] = answers[j];
          this.remember(answerKey(viewerKey, attributes[i]), {
            expiresAt,
            allowed: answers[j],
          });
        });
      } catch (error) {
        const failure = toFailure(error, cluster);
        if (TOKEN_FAILURES.has(failure.state)) {
          const expiresAt = this.now() + this.options.cacheTtlMs;
          for (const i of missing) {
            this.remember(answerKey(viewerKey, attributes[i]), {
              expiresAt,
              allowed: false,
              refused: failure.reason,
            });
          }
        }
        return denyAll(attributes, failure.state, failure.reason);
      } finally {
        connection.close();
      }
    }
    return { allowed: allowed.map(a => a === true) };
  }

  private async ask(
    connection: KubernetesConnection,
    attr: AccessAttributes,
  ): Promise<boolean> {
    const answer = (await connection.writeJson(
      {
        method: 'POST',
        path: SSAR_PATH,
        contentType: 'application/json',
        body: {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SelfSubjectAccessReview',
          spec: { resourceAttributes: { ...attr } },
        },
      },
      { timeoutMs: this.options.requestTimeoutMs, userAgent: USER_AGENT },
    )) as { status?: { allowed?: boolean; denied?: boolean } } | undefined;
    return answer?.status?.allowed === true && answer.status.denied !== true;
  }

  private remember(key: string, answer: CachedAnswer) {
    this.answers.delete(key);
    this.answers.set(key, answer);
    while (this.answers.size > this.options.maxEntries) {
      const oldest = this.answers.keys().next().value;
      if (oldest === undefined) break;
      this.answers.delete(oldest);
    }
  }

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }
}

function denyAll(
  attributes: AccessAttributes[],
  state: string,
  reason: string,
): ViewerAccessReview {
  return { allowed: attributes.map(() => false), failure: { state, reason } };
}

function toFailure(
  error: unknown,
  cluster: string,
): { state: string; reason: string } {
  if (error instanceof KubernetesRequestError) {
    if (error.kind === 'unauthorized') {
      return {
        state: 'unauthorized',
        reason: `cluster '${cluster}' refused your credentials (401); sign in again`,
      };
    }
    return {
      state: error.kind === 'throttled' ? 'unreachable' : error.kind,
      reason: `could not check your access to cluster '${cluster}': ${error.kind}`,
    };
  }
  return {
    state: 'unreachable',
    reason: `could not check your access to cluster '${cluster}'`,
  };
}

/** A hash of the cluster and the credential: the cache key, never the token itself. */
function credentialKey(cluster: string, kubeConfig: KubeConfig): string {
  const user = kubeConfig.getCurrentUser();
  return createHash('sha256')
    .update(cluster)
    .update('\0')
    .update(user?.token ?? '')
    .update('\0')
    .update(user?.certData ?? '')
    .update('\0')
    .update(user?.keyData ?? '')
    .digest('hex');
}

function answerKey(viewerKey: string, attr: AccessAttributes): string {
  return `${viewerKey}\0${attr.verb}\0${attr.group}\0${attr.resource}\0${
    attr.subresource ?? ''
  }\0${attr.namespace ?? ''}\0${attr.name ?? ''}`;
}

/**
 * `kubeplatform.viewerAccess`: how long answers are reused (`cacheSeconds`, default 30, at most
 * 300) and the time allowed for one review (`requestTimeoutSeconds`, default 5).
 *
 * @public
 */
export function readViewerAccessOptions(config: {
  getOptionalNumber(key: string): number | undefined;
}): ViewerAccessOptions {
  const cacheSeconds =
    config.getOptionalNumber('kubeplatform.viewerAccess.cacheSeconds') ?? 30;
  if (!(cacheSeconds >= 0 && cacheSeconds <= 300)) {
    throw new Error(
      'kubeplatform.viewerAccess.cacheSeconds must be from 0 to 300: a longer cache keeps a withdrawn right alive longer',
    );
  }
  const timeoutSeconds =
    config.getOptionalNumber(
      'kubeplatform.viewerAccess.requestTimeoutSeconds',
    ) ?? 5;
  return {
    ...DEFAULT_VIEWER_ACCESS_OPTIONS,
    cacheTtlMs: cacheSeconds * 1000,
    requestTimeoutMs: timeoutSeconds * 1000,
  };
}
