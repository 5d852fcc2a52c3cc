import type { KubernetesObject } from '@kubernetes/client-node';
import {
  CLASS_LABEL,
  Environment,
  EnvironmentClassSummary,
} from '@kubeplatform/clusters-common';
import { buildEnvironmentClasses } from '../classes/buildEnvironmentClasses';
import type { EnvironmentClass } from '../classes/types';
import type { DevenvSettings } from '../config/settingsSchema';
import { readEnvironment } from './readEnvironment';

/** The configured environment classes, and how an anchor object reads back as an environment. */
export class EnvironmentClasses {
  private readonly byName: Map<string, EnvironmentClass>;

  constructor(settings: DevenvSettings, private readonly platformUrl: string) {
    this.byName = buildEnvironmentClasses(settings);
  }

  get(name: string): EnvironmentClass | undefined {
    return this.byName.get(name);
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  /** `apiVersion/Kind` of every class's anchor. */
  anchorKinds(): string[] {
    return [
      ...new Set(
        [...this.byName.values()].map(c => {
          const ref = c.anchorRef('x');
          return `${ref.apiVersion}/${ref.kind}`;
        }),
      ),
    ];
  }

  summaries(): EnvironmentClassSummary[] {
    return [...this.byName.values()].map(c => c.summary());
  }

  /**
   * Classes offered on a cluster: only their kinds are read there, so a custom resource that a
   * cluster does not serve (or forbids) never blocks the classes it does offer.
   */
  offeredOn(cluster: string): EnvironmentClass[] {
    return [...this.byName.values()].filter(c => c.isOfferedOn(cluster));
  }

  /** The environment an anchor object records, read with the class named on its labels. */
  environmentOf(anchor: KubernetesObject, cluster: string): Environment {
    const cls = this.byName.get(anchor.metadata?.labels?.[CLASS_LABEL] ?? '');
    return readEnvironment(anchor, cluster, cls, this.platformUrl);
  }

  /** The environment an anchor will record, read with the class that planned it. */
  plannedEnvironmentOf(
    anchor: KubernetesObject,
    cluster: string,
    cls: EnvironmentClass,
  ): Environment {
    return readEnvironment(anchor, cluster, cls, this.platformUrl);
  }
}
