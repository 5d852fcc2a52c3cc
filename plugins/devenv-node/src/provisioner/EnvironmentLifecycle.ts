import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { KubernetesObject } from '@kubernetes/client-node';
import {
  Environment,
  EXPIRES_AT_ANNOTATION,
  EXPIRES_LABEL,
  formatDuration,
  parseDuration,
  SLEEPING_ANNOTATION,
} from '@kubeplatform/clusters-common';
import type { EnvironmentClass, ProgressReporter } from '../classes/types';
import type { ClusterClient } from '../kube/ClusterClient';
import { describeObject, refOf } from '../kube/objects';
import type { EnvironmentClasses } from './EnvironmentClasses';
import type { EnvironmentLocator, ExpectedAnchor } from './EnvironmentLocator';
import { isManagedObject } from './readEnvironment';
import { restoreWorkloads, scaleWorkloadsToZero } from './workloadSleep';

function assertSupportsSleep(cls: EnvironmentClass): void {
  if (!cls.summary().supportsSleep) {
    throw new InputError(
      `Class "${cls.name}" does not support sleep: its environments do not have a namespace of their own`,
    );
  }
}

/**
 * Merge-patches the anchor's metadata with a UID precondition, so a replaced environment is
 * left alone; returns the patched anchor.
 */
function patchAnchorMetadata(
  client: ClusterClient,
  anchor: KubernetesObject,
  metadata: Record<string, unknown>,
): Promise<KubernetesObject> {
  return client.mergePatch(
    refOf(anchor),
    { metadata },
    { uid: anchor.metadata?.uid },
  );
}

/** The workloads a sleep or wake changed, for the log. */
function listedOrNothing(workloads: string[]): string {
  return workloads.join(', ') || 'nothing';
}

/** Extends, puts to sleep, wakes and deletes existing environments. */
export class EnvironmentLifecycle {
  constructor(
    private readonly locator: EnvironmentLocator,
    private readonly classes: EnvironmentClasses,
    private readonly logger: LoggerService,
    private readonly now: () => Date,
  ) {}

  /** Moves the expiry to now + ttl, within the class's maximum. */
  async extend(
    cluster: string,
    name: string,
    ttl: string,
    expected: ExpectedAnchor = {},
  ): Promise<Environment> {
    const { client, anchor, environment, cls } =
      await this.locator.locateManaged(cluster, name, expected);
    const ttlMs = parseDuration(ttl);
    if (!ttlMs) {
      throw new InputError(`ttl "${ttl}" is not a duration such as 8h`);
    }
    const maxMs = parseDuration(cls.summary().ttl.max);
    if (maxMs !== undefined && ttlMs > maxMs) {
      throw new InputError(
        `ttl ${ttl} is longer than the maximum ${formatDuration(
          maxMs,
        )} of class "${cls.name}"`,
      );
    }
    const expiresAt = new Date(this.now().getTime() + ttlMs);
    const updated = await patchAnchorMetadata(client, anchor, {
      labels: {
        [EXPIRES_LABEL]: String(Math.floor(expiresAt.getTime() / 1000)),
      },
      annotations: { [EXPIRES_AT_ANNOTATION]: expiresAt.toISOString() },
    });
    this.logger.info(
      `Extended environment ${environment.ref} to ${expiresAt.toISOString()}`,
    );
    return this.classes.environmentOf(updated, cluster);
  }

  /**
   * Scales the environment's workloads to zero; `reason` tells the reaper whether to wake it.
   * The anchor is marked first, with a UID precondition, so a replaced environment is left alone.
   */
  async sleep(
    cluster: string,
    name: string,
    reason: 'manual' | 'schedule',
    expected: ExpectedAnchor = {},
  ): Promise<Environment> {
    const { client, anchor, environment, cls } =
      await this.locator.locateManaged(cluster, name, expected);
    assertSupportsSleep(cls);
    if (environment.status === 'sleeping') {
      return environment;
    }
    const updated = await patchAnchorMetadata(client, anchor, {
      annotations: { [SLEEPING_ANNOTATION]: reason },
    });
    const scaled = await scaleWorkloadsToZero(client, environment.namespace);
    this.logger.info(
      `Environment ${
        environment.ref
      } asleep (${reason}); scaled ${listedOrNothing(scaled)}`,
    );
    return this.classes.environmentOf(updated, cluster);
  }

  async wake(
    cluster: string,
    name: string,
    expected: ExpectedAnchor = {},
  ): Promise<Environment> {
    const { client, anchor, environment, cls } =
      await this.locator.locateManaged(cluster, name, expected);
    assertSupportsSleep(cls);
    const restored = await restoreWorkloads(client, environment.namespace);
    const updated = await patchAnchorMetadata(client, anchor, {
      annotations: { [SLEEPING_ANNOTATION]: null },
    });
    this.logger.info(
      `Environment ${environment.ref} awake; restored ${listedOrNothing(
        restored,
      )}`,
    );
    return this.classes.environmentOf(updated, cluster);
  }

  /**
   * Deletes an environment's objects, only those the labels prove Kubeplatform manages, each
   * with a UID precondition: an object replaced after it was read is left alone.
   */
  async delete(
    cluster: string,
    name: string,
    progress: ProgressReporter,
    expected: ExpectedAnchor = {},
  ): Promise<Environment> {
    const { client, anchor, environment } = await this.locator.locate(
      cluster,
      name,
      'nothing was deleted',
      expected,
    );
    const cls = this.classes.get(environment.class);
    const refs = cls ? cls.deletionRefs(anchor) : [refOf(anchor)];
    for (const ref of refs) {
      const object = await client.read(ref);
      if (!object || !isManagedObject(object, name)) {
        continue;
      }
      progress(`Deleting ${describeObject(ref)}`);
      await client.delete(ref, { uid: object.metadata?.uid });
    }
    this.logger.info(`Deleted environment ${cluster}/${name}`);
    return { ...environment, status: 'deleting' };
  }
}
