import {
  CoreV1Api,
  KubeConfig,
  KubernetesObject,
  KubernetesObjectApi,
  loadYaml,
  PatchStrategy,
} from '@kubernetes/client-node';
import { KUBEPLATFORM_FIELD_MANAGER } from '@kubeplatform/clusters-common';
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

/**
 * Every Kubernetes call the provisioner makes to one cluster. Writes use server-side apply with
 * field manager `kubeplatform`; errors come back as Backstage errors that carry no credentials.
 */
export class ClusterClient {
  private readonly objects: KubernetesObjectApi;
  private readonly core: CoreV1Api;

  constructor(readonly cluster: string, readonly kubeConfig: KubeConfig) {
    this.objects = KubernetesObjectApi.makeApiClient(kubeConfig);
    this.core = kubeConfig.makeApiClient(CoreV1Api);
  }

  /** Creates an object that must not exist yet; returns false when it already did. */
  async createIfAbsent(object: KubernetesObject): Promise<boolean> {
    try {
      await this.objects.create(
        asTypedModel(object),
        undefined,
        undefined,
        KUBEPLATFORM_FIELD_MANAGER,
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
      return await this.objects.patch(
        asTypedModel(object),
        undefined,
        options.dryRun ? 'All' : undefined,
        KUBEPLATFORM_FIELD_MANAGER,
        options.force ?? false,
        PatchStrategy.ServerSideApply,
      );
    } catch (error) {
      throw this.wrap(error, `applying ${describeObject(object)}`);
    }
  }

  /** A JSON merge patch, for changing a few fields of an object we do not own wholesale. */
  async mergePatch(
    ref: ObjectRef,
    patch: Record<string, unknown>,
  ): Promise<KubernetesObject> {
    try {
      return await this.objects.patch(
        {
          ...patch,
          apiVersion: ref.apiVersion,
          kind: ref.kind,
          metadata: {
            ...(patch.metadata as object),
            name: ref.name,
            namespace: ref.namespace,
          },
        },
        undefined,
        undefined,
        KUBEPLATFORM_FIELD_MANAGER,
        undefined,
        PatchStrategy.MergePatch,
      );
    } catch (error) {
      throw this.wrap(error, `patching ${describeObject(ref)}`);
    }
  }

  async read<T extends KubernetesObject = KubernetesObject>(
    ref: ObjectRef,
  ): Promise<T | undefined> {
    try {
      return (await retryOnReset(() =>
        this.objects.read({
          apiVersion: ref.apiVersion,
          kind: ref.kind,
          metadata: { name: ref.name, namespace: ref.namespace },
        }),
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
      const result = await retryOnReset(() =>
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
      );
      return result.items;
    } catch (error) {
      if (isNotFound(error)) {
        return undefined;
      }
      throw this.wrap(error, `listing ${kind}`);
    }
  }

  /** Deletes an object; returns false when it was already gone. */
  async delete(ref: ObjectRef): Promise<boolean> {
    try {
      await this.objects.delete(
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
      const response = await this.core.createNamespacedServiceAccountToken({
        name: serviceAccount,
        namespace,
        body: { spec: { audiences: [], expirationSeconds } },
      });
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
