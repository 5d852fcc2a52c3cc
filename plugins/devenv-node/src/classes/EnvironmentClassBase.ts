import type { KubernetesObject } from '@kubernetes/client-node';
import {
  EnvironmentClassSummary,
  EnvironmentConnection,
  EnvironmentRequest,
  EnvironmentState,
  platformEnvironmentState,
} from '@kubeplatform/clusters-common';
import type { ObjectRef } from '../kube/objects';
import type {
  EnvironmentClass,
  EnvironmentMetadata,
  EnvironmentPlan,
  ResolvedRequest,
} from './types';

/** What every class's config has, whatever its type. */
interface CommonClassConfig
  extends Pick<
    EnvironmentClassSummary,
    'name' | 'description' | 'clusters' | 'defaultSize' | 'ttl' | 'parameters'
  > {
  title?: string;
  sizes?: string[];
}

/**
 * What every environment class shares: its name, the clusters it is offered on, and the status
 * the platform's annotations decide (deleting, provisioning, failed, sleeping). A class says
 * how its anchor shows deletion and, when no annotation decides, whether it is ready.
 */
export abstract class EnvironmentClassBase<Config extends CommonClassConfig>
  implements EnvironmentClass
{
  abstract readonly type: EnvironmentClassSummary['type'];

  constructor(protected readonly config: Config) {}

  get name(): string {
    return this.config.name;
  }

  isOfferedOn(cluster: string): boolean {
    return !this.config.clusters || this.config.clusters.includes(cluster);
  }

  statusOf(anchor: KubernetesObject): EnvironmentState {
    return (
      platformEnvironmentState({
        annotations: anchor.metadata?.annotations,
        deleting: this.isBeingDeleted(anchor),
      }) ?? this.readiness(anchor)
    );
  }

  /** Whether Kubernetes is removing the anchor. */
  protected abstract isBeingDeleted(anchor: KubernetesObject): boolean;

  /** The status when no platform annotation decides it: ready unless the class knows better. */
  protected readiness(_anchor: KubernetesObject): EnvironmentState {
    return { status: 'ready' };
  }

  summary(): EnvironmentClassSummary {
    const sizes = this.offeredSizes();
    return {
      name: this.config.name,
      title: this.config.title ?? this.config.name,
      description: this.config.description,
      type: this.type,
      clusters: this.config.clusters,
      sizes,
      defaultSize: this.config.defaultSize ?? sizes[0],
      ttl: this.config.ttl,
      parameters: this.config.parameters,
      ...this.capabilities(),
    };
  }

  /** The quota presets a request may pick; the first is the default unless the config names one. */
  protected abstract offeredSizes(): string[];
  /** Whether environments of this class can sleep, and how a user connects to one. */
  protected abstract capabilities(): Pick<
    EnvironmentClassSummary,
    'supportsSleep' | 'connection'
  >;
  abstract resolve(request: EnvironmentRequest): ResolvedRequest;
  abstract anchorRef(name: string): ObjectRef;
  abstract claimedRefs(name: string): ObjectRef[];
  abstract plan(
    request: ResolvedRequest,
    metadata: EnvironmentMetadata,
  ): Promise<EnvironmentPlan>;
  abstract connectionOf(
    env: { name: string; cluster: string; namespace: string },
    platformUrl: string,
  ): EnvironmentConnection;
  abstract deletionRefs(anchor: KubernetesObject): ObjectRef[];
}
