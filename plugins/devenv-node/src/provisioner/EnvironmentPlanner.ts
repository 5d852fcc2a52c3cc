import { InputError } from '@backstage/errors';
import type { KubernetesObject } from '@kubernetes/client-node';
import {
  describeIssues,
  Environment,
  environmentRequestSchema,
} from '@kubeplatform/clusters-common';
import type {
  EnvironmentClass,
  PlannedObject,
  ResolvedRequest,
} from '../classes/types';
import { describeObject, ObjectRef } from '../kube/objects';
import type { EnvironmentClusters } from './connectCluster';
import type { EnvironmentClasses } from './EnvironmentClasses';
import { environmentMetadata } from './environmentMetadata';

/**
 * What create would write for a request, and the environment it would record.
 *
 * @public
 */
export interface EnvironmentPlanResult {
  request: ResolvedRequest;
  environment: Environment;
  /** The objects create would write, in order. */
  manifests: KubernetesObject[];
}

/** A plan with what creation needs besides: the class, the anchor and each write's mode. */
export interface ExecutablePlan extends EnvironmentPlanResult {
  cls: EnvironmentClass;
  anchor: ObjectRef;
  steps: PlannedObject[];
}

export interface EnvironmentPlannerOptions {
  clusters: EnvironmentClusters;
  classes: EnvironmentClasses;
  /** Whether an owner ref names an existing catalog User or Group. Omitted: not checked. */
  ownerExists?: (ownerRef: string) => Promise<boolean>;
  /** Names of platform namespaces no environment (nor its namespace) may take. */
  reservedNames: readonly string[];
  now: () => Date;
}

/** Validates a request and renders what create would write, without calling any cluster. */
export class EnvironmentPlanner {
  constructor(private readonly options: EnvironmentPlannerOptions) {}

  /** Throws InputError with every problem it finds. */
  async plan(
    input: unknown,
    options: { createdBy?: string } = {},
  ): Promise<ExecutablePlan> {
    const { classes, clusters, ownerExists, reservedNames, now } = this.options;
    const parsed = environmentRequestSchema.safeParse(input);
    if (!parsed.success) {
      throw new InputError(
        `Invalid environment request: ${describeIssues(parsed.error)}`,
      );
    }
    const raw = parsed.data;
    const cls = classes.get(raw.class);
    if (!cls) {
      throw new InputError(
        `Unknown environment class "${raw.class}" (known: ${classes
          .names()
          .join(', ')})`,
      );
    }
    const cluster = await clusters.getCluster(raw.cluster);
    if (!cluster) {
      throw new InputError(`Unknown cluster "${raw.cluster}"`);
    }
    if (!cls.isOfferedOn(raw.cluster)) {
      throw new InputError(
        `Class "${cls.name}" is not offered on cluster "${raw.cluster}"`,
      );
    }
    const request = cls.resolve(raw);
    // A namespace environment's namespace is its name; other classes' namespaces are the admin's.
    if (reservedNames.includes(request.name)) {
      throw new InputError(
        `Environment name "${request.name}" is reserved for the platform (kubeplatform.devenv.reservedNames); choose another name`,
      );
    }
    if (ownerExists && !(await ownerExists(request.owner))) {
      throw new InputError(
        `Owner "${request.owner}" is not a User or Group in the catalog`,
      );
    }
    const expiresAt = new Date(now().getTime() + request.ttlMs);
    const metadata = environmentMetadata(request, {
      expiresAt,
      createdBy: options.createdBy,
    });
    const plan = await cls.plan(request, metadata);
    const anchorStep = plan.objects.find(
      o => describeObject(o.object) === describeObject(plan.anchor),
    );
    if (!anchorStep) {
      throw new Error(
        `Class "${cls.name}" planned no ${describeObject(plan.anchor)}`,
      );
    }
    return {
      cls,
      anchor: plan.anchor,
      steps: plan.objects,
      request,
      manifests: plan.objects.map(o => o.object),
      environment: classes.plannedEnvironmentOf(
        anchorStep.object,
        request.cluster,
        cls,
      ),
    };
  }
}
