import type { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, ForwardedError } from '@backstage/errors';
import type { KubernetesObject } from '@kubernetes/client-node';
import {
  CLASS_LABEL,
  Environment,
  OWNER_ANNOTATION,
  PHASE_ANNOTATION,
  SPEC_HASH_ANNOTATION,
} from '@kubeplatform/clusters-common';
import type { ProgressReporter, ResolvedRequest } from '../classes/types';
import type { ClusterClient } from '../kube/ClusterClient';
import { describeObject, ObjectRef, refOf } from '../kube/objects';
import type { EnvironmentClasses } from './EnvironmentClasses';
import type { EnvironmentLocator } from './EnvironmentLocator';
import { specHash } from './environmentMetadata';
import { isManagedObject } from './readEnvironment';
import type { ExecutablePlan } from './EnvironmentPlanner';
import { rollBack } from './rollBack';

/**
 * What create returns.
 *
 * @public
 */
export interface ProvisionResult {
  environment: Environment;
  /** False when an identical environment already existed and nothing was written. */
  created: boolean;
}

/**
 * Writes a planned environment. A repeat of an identical request returns the existing
 * environment and writes nothing. If any step fails, every object this request created is
 * removed and the failure is thrown wrapped, with its own type and message as the cause.
 */
export class EnvironmentCreator {
  constructor(
    private readonly locator: EnvironmentLocator,
    private readonly classes: EnvironmentClasses,
    private readonly logger: LoggerService,
  ) {}

  async create(
    planned: ExecutablePlan,
    progress: ProgressReporter,
  ): Promise<ProvisionResult> {
    const { request, cls } = planned;
    const client = await this.locator.connect(request.cluster);

    const existing = await this.locator.findAnchor(client, request.name);
    if (existing) {
      return {
        environment: this.checkRepeat(existing, request),
        created: false,
      };
    }
    for (const ref of cls.claimedRefs(request.name)) {
      const claimed = await client.read(ref);
      if (claimed) {
        // A concurrent request may have written its objects since the lookup above: then this
        // is that environment (a repeat or "being created"), not an unmanaged object.
        const racing = await this.locator.findAnchor(client, request.name);
        if (racing) {
          return {
            environment: this.checkRepeat(racing, request),
            created: false,
          };
        }
        if (isManagedObject(claimed, request.name)) {
          throw new ConflictError(
            `Environment "${request.name}" on cluster "${request.cluster}" is being created by another request; nothing was changed`,
          );
        }
        throw new ConflictError(
          `${describeObject(ref)} already exists on cluster "${
            request.cluster
          }" and is not managed by Kubeplatform; nothing was changed`,
        );
      }
    }

    const created: ObjectRef[] = [];
    try {
      await this.write(client, planned, created, progress);
      const ready = await client.mergePatch(planned.anchor, {
        metadata: { annotations: { [PHASE_ANNOTATION]: 'ready' } },
      });
      progress(`Environment ${request.cluster}/${request.name} is ready`);
      this.logger.info(
        `Created environment ${request.cluster}/${request.name} (class ${cls.name}, owner ${request.owner})`,
      );
      return {
        environment: this.classes.plannedEnvironmentOf(
          ready,
          request.cluster,
          cls,
        ),
        created: true,
      };
    } catch (error) {
      const problems = await rollBack(
        client,
        created,
        planned.anchor,
        progress,
      );
      const where = `Creating environment ${request.cluster}/${request.name} failed`;
      if (problems.length === 0) {
        throw new ForwardedError(
          `${where} (rolled back ${created.length} object${
            created.length === 1 ? '' : 's'
          } this request created)`,
          error,
        );
      }
      this.logger.warn(`Rollback incomplete: ${problems.join('; ')}`);
      throw new ForwardedError(
        `${where} (rollback incomplete, the reaper will remove the rest: ${problems.join(
          '; ',
        )})`,
        error,
      );
    }
  }

  /** Writes each planned object in order, recording what it made for a rollback. */
  private async write(
    client: ClusterClient,
    planned: ExecutablePlan,
    created: ObjectRef[],
    progress: ProgressReporter,
  ): Promise<void> {
    for (const { object, mode } of planned.steps) {
      if (mode === 'create') {
        progress(`Creating ${describeObject(object)}`);
        if (!(await client.createIfAbsent(object))) {
          throw new ConflictError(
            `${describeObject(
              object,
            )} was created by another request at the same time; this request changed nothing`,
          );
        }
      } else {
        progress(`Applying ${describeObject(object)}`);
        await client.apply(object, { force: true });
      }
      created.push(refOf(object));
    }
    if (planned.cls.waitUntilReady) {
      await planned.cls.waitUntilReady(client, planned.anchor, progress);
    }
  }

  private checkRepeat(
    anchor: KubernetesObject,
    request: ResolvedRequest,
  ): Environment {
    const annotations = anchor.metadata?.annotations ?? {};
    const where = `Environment "${request.name}" on cluster "${request.cluster}"`;
    if (annotations[OWNER_ANNOTATION] !== request.owner) {
      throw new ConflictError(
        `${where} already exists and is owned by ${annotations[OWNER_ANNOTATION]}; nothing was changed`,
      );
    }
    if (annotations[PHASE_ANNOTATION] === 'provisioning') {
      throw new ConflictError(
        `${where} is being created by another request; nothing was changed`,
      );
    }
    if (
      anchor.metadata?.labels?.[CLASS_LABEL] !== request.class ||
      annotations[SPEC_HASH_ANNOTATION] !== specHash(request)
    ) {
      throw new ConflictError(
        `${where} already exists with a different spec; extend, sleep or wake it, or delete it first. Nothing was changed`,
      );
    }
    return this.classes.environmentOf(anchor, request.cluster);
  }
}
