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
interface CommonClassConfig {
  name: string;
  clusters?: string[];
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

  abstract summary(): EnvironmentClassSummary;
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
