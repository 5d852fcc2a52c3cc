import {
  CoreV1Api,
  KubeConfig,
  KubernetesObject,
  KubernetesObjectApi,
  loadYaml,
  PatchStrategy,
} from '@kubernetes/client-node';
import { KUBEPLATFORM_FIELD_MANAGER } from '@kubeplatform/clusters-common';
import { ServiceUnavailableError } from '@backstage/errors';
import {
  isAlreadyExists,
  isConnectionReset,
  isNotFound,
  toBackstageError,
} from './errors';
import { describeObject, ObjectRef } from './objects';

/**
 * client-node serialises a known kind through its typed model, which names some fields
 * differently from the wire (`_from`, `_default`) and silently drops the wire names. A plain
 * manifest is turned into the typed model first, so every field reaches the API server.
 */
function asTypedModel<T extends KubernetesObject>(object: T): T {
  return loadYaml<T>(JSON.stringify(object));
}

/**
 * Reads are idempotent, so one that meets a kept-alive socket the API server has just closed
 * is tried once more instead of failing the whole operation.
 */
async function retryOnReset<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (isConnectionReset(error)) {
      return read();
    }
    throw error;
  }
}

/** How long one call may take when the caller does not say. */
export const DEFAULT_CLUSTER_TIMEOUT_MS = 10_000;

export interface ClusterClientOptions {
  /** Field manager of every write; `kubeplatform` unless the writes are someone else's. */
  fieldManager?: string;
  /** How long any single call may take before it fails as unavailable. */
  timeoutMs?: number;
}

/**
 * Every Kubernetes call the provisioner makes to one cluster. Writes use server-side apply with
 * field manager `kubeplatform`; errors come back as Backstage errors that carry no credentials.
 * Every call has a deadline, so one cluster that accepts connections and never answers cannot
 * stall a list, the catalog provider or the reaper.
 */
export class ClusterClient {
  private readonly objects: KubernetesObjectApi;
  private readonly core: CoreV1Api;
  private readonly fieldManager: string;
  private readonly timeoutMs: number;

  constructor(
    readonly cluster: string,
    readonly kubeConfig: KubeConfig,
    options: ClusterClientOptions = {},
  ) {
    this.objects = KubernetesObjectApi.makeApiClient(kubeConfig);
    this.core = kubeConfig.makeApiClient(CoreV1Api);
    this.fieldManager = options.fieldManager ?? KUBEPLATFORM_FIELD_MANAGER;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_CLUSTER_TIMEOUT_MS;
  }

  /** Runs one call against the deadline; the late answer, if any, is dropped. */
  private async withDeadline<T>(
    what: string,
    call: () => Promise<T>,
  ): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new ServiceUnavailableError(
              `${what} on cluster "${this.cluster}" timed out after ${this.timeoutMs} ms`,
            ),
          ),
        this.timeoutMs,
      );
    });
    try {
      return await Promise.race([call(), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Creates an object that must not exist yet; returns false when it already did. */
  async createIfAbsent(object: KubernetesObject): Promise<boolean> {
    try {
      await this.withDeadline(`creating ${describeObject(object)}`, () =>
        this.objects.create(
          asTypedModel(object),
          undefined,
          undefined,
          this.fieldManager,
        ),
      );
      return true;
    } catch (error) {
      if (isAlreadyExists(error)) {
        return false;
      }
      throw this.wrap(error, `creating ${describeObject(object)}`);
    }
  }

  /**
   * Server-side apply. `force` takes over fields another manager holds; the provisioner uses it
   * only on objects it created itself.
   */
  async apply<T extends KubernetesObject>(
    object: T,
    options: { force?: boolean; dryRun?: boolean } = {},
  ): Promise<T> {
    try {
      return await this.withDeadline(`applying ${describeObject(object)}`, () =>
        this.objects.patch(
          asTypedModel(object),
          undefined,
          options.dryRun ? 'All' : undefined,
          this.fieldManager,
          options.force ?? false,
          PatchStrategy.ServerSideApply,
        ),
      );
    } catch (error) {
      throw this.wrap(error, `applying ${describeObject(object)}`);
    }
  }

  /**
   * A JSON merge patch, for changing a few fields of an object we do not own wholesale. With
   * `uid`, the API server refuses (409) when the object of that name is another one.
   */
  async mergePatch(
    ref: ObjectRef,
    patch: Record<string, unknown>,
    options: { uid?: string } = {},
  ): Promise<KubernetesObject> {
    try {
      return await this.withDeadline(`patching ${describeObject(ref)}`, () =>
        this.objects.patch(
          {
            ...patch,
            apiVersion: ref.apiVersion,
            kind: ref.kind,
            metadata: {
              ...(patch.metadata as object),
              name: ref.name,
              namespace: ref.namespace,
              ...(options.uid ? { uid: options.uid } : {}),
            },
          },
          undefined,
          undefined,
          this.fieldManager,
          undefined,
          PatchStrategy.MergePatch,
        ),
      );
    } catch (error) {
      throw this.wrap(error, `patching ${describeObject(ref)}`);
    }
  }

  async read<T extends KubernetesObject = KubernetesObject>(
    ref: ObjectRef,
  ): Promise<T | undefined> {
    try {
      return (await this.withDeadline(`reading ${describeObject(ref)}`, () =>
        retryOnReset(() =>
          this.objects.read({
            apiVersion: ref.apiVersion,
            kind: ref.kind,
            metadata: { name: ref.name, namespace: ref.namespace },
          }),
        ),
      )) as T;
    } catch (error) {
      if (isNotFound(error)) {
        return undefined;
      }
      throw this.wrap(error, `reading ${describeObject(ref)}`);
    }
  }

  /**
   * Lists objects of one kind. Returns undefined when the kind is not served by this cluster
   * (a CRD that is not installed), so callers can report that as data.
   */
  async list<T extends KubernetesObject = KubernetesObject>(
    apiVersion: string,
    kind: string,
    options: { namespace?: string; labelSelector?: string } = {},
  ): Promise<T[] | undefined> {
    try {
      const result = await this.withDeadline(`listing ${kind}`, () =>
        retryOnReset(() =>
          this.objects.list<T>(
            apiVersion,
            kind,
            options.namespace,
            undefined,
            undefined,
            undefined,
            undefined,
            options.labelSelector,
          ),
        ),
      );
      return result.items;
    } catch (error) {
      if (isNotFound(error)) {
        return undefined;
      }
      throw this.wrap(error, `listing ${kind}`);
    }
  }

  /**
   * Deletes an object; returns false when it was already gone. With `uid`, the API server
   * deletes only that very object (a precondition), never a same-named replacement.
   */
  async delete(
    ref: ObjectRef,
    options: { uid?: string } = {},
  ): Promise<boolean> {
    try {
      await this.withDeadline(`deleting ${describeObject(ref)}`, () =>
        this.objects.delete(
          {
            apiVersion: ref.apiVersion,
            kind: ref.kind,
            metadata: { name: ref.name, namespace: ref.namespace },
          },
          undefined,
          undefined,
          undefined,
          undefined,
          'Background',
          options.uid
            ? {
                apiVersion: 'v1',
                kind: 'DeleteOptions',
                preconditions: { uid: options.uid },
                propagationPolicy: 'Background',
              }
            : undefined,
        ),
      );
      return true;
    } catch (error) {
      if (isNotFound(error)) {
        return false;
      }
      throw this.wrap(error, `deleting ${describeObject(ref)}`);
    }
  }

  /** A short-lived ServiceAccount token. The caller must never log it. */
  async requestToken(
    namespace: string,
    serviceAccount: string,
    expirationSeconds: number,
  ): Promise<{ token: string; expiresAt: string }> {
    try {
      const response = await this.withDeadline(
        `requesting a token for ServiceAccount ${namespace}/${serviceAccount}`,
        () =>
          this.core.createNamespacedServiceAccountToken({
            name: serviceAccount,
            namespace,
            body: { spec: { audiences: [], expirationSeconds } },
          }),
      );
      const token = response.status?.token;
      if (!token) {
        throw new Error('the TokenRequest returned no token');
      }
      return {
        token,
        expiresAt: new Date(
          response.status?.expirationTimestamp ??
            Date.now() + expirationSeconds * 1000,
        ).toISOString(),
      };
    } catch (error) {
      throw this.wrap(
        error,
        `requesting a token for ServiceAccount ${namespace}/${serviceAccount}`,
      );
    }
  }

  private wrap(error: unknown, what: string): Error {
    return toBackstageError(error, what, this.cluster);
  }
}
