import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import type { KubernetesObject } from '@kubernetes/client-node';
import {
  CLASS_LABEL,
  Environment,
  ENVIRONMENT_LABEL,
  MANAGED_BY_LABEL,
  MANAGED_BY_VALUE,
} from '@kubeplatform/clusters-common';
import type { EnvironmentClass } from '../classes/types';
import type { ClusterClient } from '../kube/ClusterClient';
import { describeObject, ObjectRef, refOf } from '../kube/objects';
import { connectCluster, EnvironmentClusters } from './connectCluster';
import type { EnvironmentClasses } from './EnvironmentClasses';
import { isManagedAnchor } from './readEnvironment';

/** An environment found by its managed anchor, with a client for its cluster. */
export interface LocatedEnvironment {
  client: ClusterClient;
  anchor: KubernetesObject;
  environment: Environment;
}

/** A located environment whose class is still configured. */
export interface ManagedEnvironment extends LocatedEnvironment {
  cls: EnvironmentClass;
}

/** What a caller saw of an environment: a change applies only while it is still that object. */
export interface ExpectedAnchor {
  /** The anchor's `metadata.uid` when the caller looked it up. */
  uid?: string;
}

/**
 * Finds environments by their anchor object. Only an anchor at its canonical location (the
 * place its class puts the anchor of that name) whose labels and annotations prove Kubeplatform
 * manages it counts: anything else carrying Kubeplatform labels is ignored and logged. A
 * same-named namespace that Kubeplatform does not manage is refused with NotAllowedError,
 * anything else is NotFoundError.
 */
export class EnvironmentLocator {
  constructor(
    private readonly clusters: EnvironmentClusters,
    private readonly classes: EnvironmentClasses,
    private readonly logger: LoggerService,
    private readonly timeoutMs?: number,
  ) {}

  connect(cluster: string): Promise<ClusterClient> {
    return connectCluster(this.clusters, cluster, this.timeoutMs);
  }

  /** The anchor of the environment with this name on a cluster, whatever its class. */
  async findAnchor(
    client: ClusterClient,
    name: string,
  ): Promise<KubernetesObject | undefined> {
    const seen = new Set<string>();
    for (const cls of this.classes.offeredOn(client.cluster)) {
      const ref = cls.anchorRef(name);
      const key = describeObject(ref) + ref.apiVersion;
      if (seen.has(key)) {
        continue;
      }
      seen.add(key);
      const object = await client.read(ref);
      if (isManagedAnchor(object, name)) {
        return object;
      }
    }
    return undefined;
  }

  /**
   * The environment, or NotFoundError; NotAllowedError when the name belongs to a namespace
   * Kubeplatform does not manage. `consequence` ends that refusal: "nothing was deleted", …
   */
  async locate(
    cluster: string,
    name: string,
    consequence: string,
    expected: ExpectedAnchor = {},
  ): Promise<LocatedEnvironment> {
    const client = await this.connect(cluster);
    const anchor = await this.findAnchor(client, name);
    if (!anchor) {
      await this.refuseUnmanaged(client, name, consequence);
      throw new NotFoundError(
        `No environment "${name}" on cluster "${cluster}"`,
      );
    }
    if (expected.uid && anchor.metadata?.uid !== expected.uid) {
      throw new ConflictError(
        `Environment ${cluster}/${name} was replaced since it was looked up; ${consequence}`,
      );
    }
    return {
      client,
      anchor,
      environment: this.classes.environmentOf(anchor, cluster),
    };
  }

  /** As `locate`, for a change: the environment's class must still be configured. */
  async locateManaged(
    cluster: string,
    name: string,
    expected: ExpectedAnchor = {},
  ): Promise<ManagedEnvironment> {
    const located = await this.locate(
      cluster,
      name,
      'nothing was changed',
      expected,
    );
    const { environment } = located;
    const cls = this.classes.get(environment.class);
    if (!cls) {
      throw new InputError(
        `Environment ${environment.ref} has class "${environment.class}", which is no longer configured`,
      );
    }
    return { ...located, cls };
  }

  /** Every managed environment on a cluster, read from the anchors of the classes it offers. */
  async listOnCluster(cluster: string): Promise<Environment[]> {
    const client = await this.connect(cluster);
    const kinds = new Map<string, ObjectRef>();
    for (const cls of this.classes.offeredOn(cluster)) {
      const ref = cls.anchorRef('x');
      kinds.set(`${ref.apiVersion}/${ref.kind}`, ref);
    }
    const selector = `${MANAGED_BY_LABEL}=${MANAGED_BY_VALUE},${ENVIRONMENT_LABEL}`;
    const lists = await Promise.all(
      [...kinds.values()].map(async ref => {
        const items = await client.list(ref.apiVersion, ref.kind, {
          labelSelector: selector,
        });
        // Items of a list carry no apiVersion or kind of their own.
        return (items ?? []).map(item => ({
          ...item,
          apiVersion: ref.apiVersion,
          kind: ref.kind,
        }));
      }),
    );
    return lists
      .flat()
      .filter(object => isManagedAnchor(object))
      .filter(object => this.isCanonical(object, cluster))
      .map(object => this.classes.environmentOf(object, cluster));
  }

  /**
   * Whether an object is where its class puts the anchor of the environment its labels name.
   * A decoy elsewhere (another name, another namespace) could otherwise steer the reaper's
   * delete and sleep onto the real environment of that name.
   */
  private isCanonical(object: KubernetesObject, cluster: string): boolean {
    const name = object.metadata?.labels?.[ENVIRONMENT_LABEL] ?? '';
    const cls = this.classes.get(object.metadata?.labels?.[CLASS_LABEL] ?? '');
    const canonical = cls?.anchorRef(name);
    const here =
      !!canonical &&
      canonical.apiVersion === object.apiVersion &&
      canonical.kind === object.kind &&
      canonical.name === object.metadata?.name &&
      (canonical.namespace ?? '') === (object.metadata?.namespace ?? '');
    if (!here) {
      this.logger.warn(
        `Ignoring ${describeObject(
          refOf(object),
        )} on cluster "${cluster}": it carries the labels of environment "${name}" but is not that environment's anchor`,
      );
    }
    return here;
  }

  /** A clear refusal when the name belongs to a namespace Kubeplatform does not manage. */
  private async refuseUnmanaged(
    client: ClusterClient,
    name: string,
    consequence: string,
  ): Promise<void> {
    const namespace = await client.read({
      apiVersion: 'v1',
      kind: 'Namespace',
      name,
    });
    if (namespace) {
      throw new NotAllowedError(
        `Namespace "${name}" on cluster "${client.cluster}" is not managed by Kubeplatform; ${consequence}`,
      );
    }
  }
}
