import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import type { KubernetesObject, V1Secret } from '@kubernetes/client-node';
import {
  describeIssues,
  Environment,
  EnvironmentClassSummary,
  EnvironmentClusterSummary,
  environmentRequestSchema,
  EXPIRES_AT_ANNOTATION,
  EXPIRES_LABEL,
  formatDuration,
  OWNER_ANNOTATION,
  parseDuration,
  PHASE_ANNOTATION,
  SLEEPING_ANNOTATION,
  SPEC_HASH_ANNOTATION,
  CLASS_LABEL,
  MANAGED_BY_LABEL,
  MANAGED_BY_VALUE,
  ENVIRONMENT_LABEL,
} from '@kubeplatform/clusters-common';
import type { ClustersService } from '@kubeplatform/clusters-node';

/** The part of the clusters service the provisioner uses. */
export type EnvironmentClusters = Pick<
  ClustersService,
  'listClusters' | 'getCluster' | 'getKubeConfig'
>;
import { buildEnvironmentClasses } from '../classes/buildEnvironmentClasses';
import { CONNECT_SERVICE_ACCOUNT } from '../classes/NamespaceClass';
import type {
  EnvironmentClass,
  PlannedObject,
  ProgressReporter,
  ResolvedRequest,
} from '../classes/types';
import type { DevenvSettings } from '../config/settingsSchema';
import { ClusterClient } from '../kube/ClusterClient';
import { describeObject, ObjectRef, refOf } from '../kube/objects';
import { environmentMetadata, specHash } from './environmentMetadata';
import {
  placeInEnvironmentNamespace,
  SourcedManifest,
} from './environmentManifests';
import { namespacedKubeconfig } from './namespacedKubeconfig';
import {
  isManagedAnchor,
  isManagedObject,
  readEnvironment,
} from './readEnvironment';
import { rollBack } from './rollBack';
import { restoreWorkloads, scaleWorkloadsToZero } from './workloadSleep';

export interface EnvironmentProvisionerOptions {
  clusters: EnvironmentClusters;
  settings: DevenvSettings;
  logger: LoggerService;
  /** Base URL of the devenv REST API, for connect commands (e.g. http://localhost:7007/api/devenv). */
  platformUrl: string;
  /** Whether an owner ref names an existing catalog User or Group. Omitted: not checked. */
  ownerExists?: (ownerRef: string) => Promise<boolean>;
  now?: () => Date;
}

/** What create and plan return. */
export interface ProvisionResult {
  environment: Environment;
  /** False when an identical environment already existed and nothing was written. */
  created: boolean;
}

export interface EnvironmentPlanResult {
  request: ResolvedRequest;
  environment: Environment;
  /** The objects create would write, in order. */
  manifests: KubernetesObject[];
}

export interface EnvironmentListResult {
  items: Environment[];
  /** Clusters that could not be read, reported as data next to the results that did arrive. */
  errors: Array<{ cluster: string; message: string }>;
}

export interface CallOptions {
  progress?: ProgressReporter;
}

/**
 * Creates, reads, extends, puts to sleep and deletes development environments. The cluster
 * is the source of truth: everything is read back from labels and annotations.
 */
export class EnvironmentProvisioner {
  private readonly classes: Map<string, EnvironmentClass>;
  private readonly now: () => Date;

  constructor(private readonly options: EnvironmentProvisionerOptions) {
    this.classes = buildEnvironmentClasses(options.settings);
    this.now = options.now ?? (() => new Date());
  }

  /** The `kubeplatform.devenv` settings this provisioner was built from. */
  get settings(): DevenvSettings {
    return this.options.settings;
  }

  listClasses(): EnvironmentClassSummary[] {
    return [...this.classes.values()].map(c => c.summary());
  }

  async listClusters(): Promise<EnvironmentClusterSummary[]> {
    const clusters = await this.options.clusters.listClusters();
    return clusters.map(c => ({
      name: c.name,
      title: c.title,
      region: c.region,
      environment: c.environment,
    }));
  }

  /**
   * Validates a request and renders what create would write, without calling any cluster.
   * Throws InputError with every problem it finds.
   */
  async plan(
    input: unknown,
    options: { createdBy?: string } = {},
  ): Promise<
    EnvironmentPlanResult & {
      cls: EnvironmentClass;
      anchor: ObjectRef;
      steps: PlannedObject[];
    }
  > {
    const parsed = environmentRequestSchema.safeParse(input);
    if (!parsed.success) {
      throw new InputError(
        `Invalid environment request: ${describeIssues(parsed.error)}`,
      );
    }
    const raw = parsed.data;
    const cls = this.classes.get(raw.class);
    if (!cls) {
      throw new InputError(
        `Unknown environment class "${raw.class}" (known: ${[
          ...this.classes.keys(),
        ].join(', ')})`,
      );
    }
    const cluster = await this.options.clusters.getCluster(raw.cluster);
    if (!cluster) {
      throw new InputError(`Unknown cluster "${raw.cluster}"`);
    }
    if (!cls.isOfferedOn(raw.cluster)) {
      throw new InputError(
        `Class "${cls.name}" is not offered on cluster "${raw.cluster}"`,
      );
    }
    const request = cls.resolve(raw);
    if (
      this.options.ownerExists &&
      !(await this.options.ownerExists(request.owner))
    ) {
      throw new InputError(
        `Owner "${request.owner}" is not a User or Group in the catalog`,
      );
    }
    const expiresAt = new Date(this.now().getTime() + request.ttlMs);
    const metadata = environmentMetadata(request, {
      expiresAt,
      createdBy: options.createdBy,
    });
    const plan = await cls.plan(request, metadata);
    const anchorObject = plan.objects.find(
      o => describeObject(o.object) === describeObject(plan.anchor),
    )!.object;
    return {
      cls,
      anchor: plan.anchor,
      steps: plan.objects,
      request,
      manifests: plan.objects.map(o => o.object),
      environment: readEnvironment(
        anchorObject,
        request.cluster,
        cls,
        this.options.platformUrl,
      ),
    };
  }

  /**
   * Creates an environment. A repeat of an identical request returns the existing environment
   * and writes nothing. If any step fails, every object this request created is removed.
   */
  async create(
    input: unknown,
    options: CallOptions & { createdBy?: string } = {},
  ): Promise<ProvisionResult> {
    const progress = options.progress ?? (() => {});
    const planned = await this.plan(input, options);
    const { request, cls } = planned;
    const client = await this.client(request.cluster);

    const existing = await this.findAnchor(client, request.name);
    if (existing) {
      return {
        environment: this.checkRepeat(existing, request),
        created: false,
      };
    }
    for (const ref of cls.claimedRefs(request.name)) {
      const found = await client.read(ref);
      if (found) {
        throw new ConflictError(
          `${describeObject(ref)} already exists on cluster "${
            request.cluster
          }" and is not managed by Kubeplatform; nothing was changed`,
        );
      }
    }

    const created: ObjectRef[] = [];
    try {
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
      if (cls.waitUntilReady) {
        await cls.waitUntilReady(client, planned.anchor, progress);
      }
      const ready = await client.mergePatch(planned.anchor, {
        metadata: { annotations: { [PHASE_ANNOTATION]: 'ready' } },
      });
      progress(`Environment ${request.cluster}/${request.name} is ready`);
      this.options.logger.info(
        `Created environment ${request.cluster}/${request.name} (class ${cls.name}, owner ${request.owner})`,
      );
      return {
        environment: readEnvironment(
          ready,
          request.cluster,
          cls,
          this.options.platformUrl,
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
      const reason = error as Error;
      if (problems.length === 0) {
        reason.message = `${reason.message} (rolled back ${
          created.length
        } object${created.length === 1 ? '' : 's'} this request created)`;
      } else {
        reason.message = `${
          reason.message
        } (rollback incomplete, the reaper will remove the rest: ${problems.join(
          '; ',
        )})`;
        this.options.logger.warn(`Rollback incomplete: ${problems.join('; ')}`);
      }
      throw error;
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
    return this.toEnvironment(anchor, request.cluster);
  }

  async list(
    filter: { owners?: string[]; cluster?: string } = {},
  ): Promise<EnvironmentListResult> {
    const clusters = (await this.options.clusters.listClusters())
      .map(c => c.name)
      .filter(name => !filter.cluster || name === filter.cluster);
    const items: Environment[] = [];
    const errors: EnvironmentListResult['errors'] = [];
    await Promise.all(
      clusters.map(async cluster => {
        try {
          items.push(...(await this.listOnCluster(cluster)));
        } catch (error) {
          errors.push({ cluster, message: (error as Error).message });
        }
      }),
    );
    const owners = filter.owners?.map(o => o.toLocaleLowerCase('en-US'));
    return {
      items: items
        .filter(env => !owners || owners.includes(env.owner))
        .sort((a, b) => a.ref.localeCompare(b.ref)),
      errors,
    };
  }

  private async listOnCluster(cluster: string): Promise<Environment[]> {
    const client = await this.client(cluster);
    const kinds = new Map<string, ObjectRef>();
    for (const cls of this.classesOn(cluster)) {
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
      .map(object => this.toEnvironment(object, cluster));
  }

  async get(cluster: string, name: string): Promise<Environment> {
    const client = await this.client(cluster);
    const anchor = await this.findAnchor(client, name);
    if (!anchor) {
      await this.refuseUnmanaged(
        client,
        cluster,
        name,
        'it is not a development environment',
      );
      throw new NotFoundError(
        `No environment "${name}" on cluster "${cluster}"`,
      );
    }
    return this.toEnvironment(anchor, cluster);
  }

  /**
   * Server-side applies manifests (field manager `kubeplatform`, no force) into an existing
   * environment's namespace. Everything is checked before the first write.
   */
  async applyManifests(
    cluster: string,
    name: string,
    manifests: SourcedManifest[],
    options: CallOptions = {},
  ): Promise<{ environment: Environment; applied: ObjectRef[] }> {
    const progress = options.progress ?? (() => {});
    const { client, environment } = await this.managed(cluster, name);
    const objects = placeInEnvironmentNamespace(
      manifests,
      environment.namespace,
    );
    const applied: ObjectRef[] = [];
    for (const object of objects) {
      progress(`Applying ${describeObject(object)}`);
      await client.apply(object);
      applied.push(refOf(object));
    }
    this.options.logger.info(
      `Applied ${applied.length} objects to environment ${environment.ref}`,
    );
    return { environment, applied };
  }

  /** Deletes an environment's objects, only those the labels prove Kubeplatform manages. */
  async delete(
    cluster: string,
    name: string,
    options: CallOptions = {},
  ): Promise<Environment> {
    const progress = options.progress ?? (() => {});
    const client = await this.client(cluster);
    const anchor = await this.findAnchor(client, name);
    if (!anchor) {
      await this.refuseUnmanaged(client, cluster, name, 'nothing was deleted');
      throw new NotFoundError(
        `No environment "${name}" on cluster "${cluster}"`,
      );
    }
    const environment = this.toEnvironment(anchor, cluster);
    const cls = this.classes.get(environment.class);
    const refs = cls ? cls.deletionRefs(anchor) : [refOf(anchor)];
    for (const ref of refs) {
      const object = await client.read(ref);
      if (!object || !isManagedObject(object, name)) {
        continue;
      }
      progress(`Deleting ${describeObject(ref)}`);
      await client.delete(ref);
    }
    this.options.logger.info(`Deleted environment ${cluster}/${name}`);
    return { ...environment, status: 'deleting' };
  }

  /** A clear refusal when the name belongs to a namespace Kubeplatform does not manage. */
  private async refuseUnmanaged(
    client: ClusterClient,
    cluster: string,
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
        `Namespace "${name}" on cluster "${cluster}" is not managed by Kubeplatform; ${consequence}`,
      );
    }
  }

  /** Moves the expiry to now + ttl, within the class's maximum. */
  async extend(
    cluster: string,
    name: string,
    ttl: string,
  ): Promise<Environment> {
    const { client, anchor, environment, cls } = await this.managed(
      cluster,
      name,
    );
    const ttlMs = parseDuration(ttl);
    if (!ttlMs) {
      throw new InputError(`ttl "${ttl}" is not a duration such as 8h`);
    }
    const maxMs = parseDuration(cls.summary().ttl.max)!;
    if (ttlMs > maxMs) {
      throw new InputError(
        `ttl ${ttl} is longer than the maximum ${formatDuration(
          maxMs,
        )} of class "${cls.name}"`,
      );
    }
    const expiresAt = new Date(this.now().getTime() + ttlMs);
    const updated = await client.mergePatch(refOf(anchor), {
      metadata: {
        labels: {
          [EXPIRES_LABEL]: String(Math.floor(expiresAt.getTime() / 1000)),
        },
        annotations: { [EXPIRES_AT_ANNOTATION]: expiresAt.toISOString() },
      },
    });
    this.options.logger.info(
      `Extended environment ${environment.ref} to ${expiresAt.toISOString()}`,
    );
    return this.toEnvironment(updated, cluster);
  }

  /** Scales the environment's workloads to zero; `reason` tells the reaper whether to wake it. */
  async sleep(
    cluster: string,
    name: string,
    reason: 'manual' | 'schedule' = 'manual',
  ): Promise<Environment> {
    const { client, anchor, environment, cls } = await this.managed(
      cluster,
      name,
    );
    if (!cls.summary().supportsSleep) {
      throw new InputError(
        `Class "${cls.name}" does not support sleep: its environments do not have a namespace of their own`,
      );
    }
    if (environment.status === 'sleeping') {
      return environment;
    }
    const scaled = await scaleWorkloadsToZero(client, environment.namespace);
    const updated = await client.mergePatch(refOf(anchor), {
      metadata: { annotations: { [SLEEPING_ANNOTATION]: reason } },
    });
    this.options.logger.info(
      `Environment ${environment.ref} asleep (${reason}); scaled ${
        scaled.join(', ') || 'nothing'
      }`,
    );
    return this.toEnvironment(updated, cluster);
  }

  async wake(cluster: string, name: string): Promise<Environment> {
    const { client, anchor, environment, cls } = await this.managed(
      cluster,
      name,
    );
    if (!cls.summary().supportsSleep) {
      throw new InputError(
        `Class "${cls.name}" does not support sleep: its environments do not have a namespace of their own`,
      );
    }
    const restored = await restoreWorkloads(client, environment.namespace);
    const updated = await client.mergePatch(refOf(anchor), {
      metadata: { annotations: { [SLEEPING_ANNOTATION]: null } },
    });
    this.options.logger.info(
      `Environment ${environment.ref} awake; restored ${
        restored.join(', ') || 'nothing'
      }`,
    );
    return this.toEnvironment(updated, cluster);
  }

  /**
   * A kubeconfig for the environment's namespace with a short-lived TokenRequest token. The
   * caller must hand it only to the requesting user and never log it.
   */
  async issueKubeconfig(
    cluster: string,
    name: string,
  ): Promise<{ kubeconfig: string; expiresAt: string; namespace: string }> {
    const { client, environment, cls } = await this.managed(cluster, name);
    if (cls.type !== 'namespace') {
      throw new InputError(
        `Class "${cls.name}" does not issue kubeconfigs; use its connect command`,
      );
    }
    if (
      environment.status === 'provisioning' ||
      environment.status === 'deleting'
    ) {
      throw new ConflictError(
        `Environment ${environment.ref} is ${environment.status}`,
      );
    }
    const settings = this.options.settings.classes.find(
      c => c.name === cls.name,
    );
    const ttlMs =
      parseDuration(
        settings?.type === 'namespace' ? settings.tokenTtl : '1h',
      ) ?? 3600_000;
    const { token, expiresAt } = await client.requestToken(
      environment.namespace,
      CONNECT_SERVICE_ACCOUNT,
      Math.max(600, Math.floor(ttlMs / 1000)),
    );
    const kubeconfig = await namespacedKubeconfig({
      platformKubeConfig: client.kubeConfig,
      clusterName: cluster,
      namespace: environment.namespace,
      user: `${name}-${CONNECT_SERVICE_ACCOUNT}`,
      token,
    });
    return { kubeconfig, expiresAt, namespace: environment.namespace };
  }

  /**
   * The connection details a resource-template class publishes in a Secret (URL, namespace,
   * sometimes a kubeconfig). Like a kubeconfig, they go only to the requesting user.
   */
  async readConnectionSecret(
    cluster: string,
    name: string,
  ): Promise<{
    secretRef: { namespace: string; name: string };
    data: Record<string, string>;
  }> {
    const { client, environment } = await this.managed(cluster, name);
    if (environment.connection.kind !== 'secret') {
      throw new InputError(
        `Environment ${environment.ref} does not publish a connection secret`,
      );
    }
    const { secretRef } = environment.connection;
    const secret = await client.read<V1Secret>({
      apiVersion: 'v1',
      kind: 'Secret',
      ...secretRef,
    });
    if (!secret) {
      throw new NotFoundError(
        `Environment ${environment.ref} has not published its connection secret ${secretRef.namespace}/${secretRef.name} yet`,
      );
    }
    const data = Object.fromEntries(
      Object.entries(secret.data ?? {}).map(([key, value]) => [
        key,
        Buffer.from(value, 'base64').toString('utf8'),
      ]),
    );
    return { secretRef, data };
  }

  private async managed(cluster: string, name: string) {
    const client = await this.client(cluster);
    const anchor = await this.findAnchor(client, name);
    if (!anchor) {
      await this.refuseUnmanaged(client, cluster, name, 'nothing was changed');
      throw new NotFoundError(
        `No environment "${name}" on cluster "${cluster}"`,
      );
    }
    const environment = this.toEnvironment(anchor, cluster);
    const cls = this.classes.get(environment.class);
    if (!cls) {
      throw new InputError(
        `Environment ${environment.ref} has class "${environment.class}", which is no longer configured`,
      );
    }
    return { client, anchor, environment, cls };
  }

  /** The anchor of the environment with this name on a cluster, whatever its class. */
  private async findAnchor(
    client: ClusterClient,
    name: string,
  ): Promise<KubernetesObject | undefined> {
    const seen = new Set<string>();
    for (const cls of this.classesOn(client.cluster)) {
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
   * Classes offered on a cluster: only their kinds are read there, so a custom resource that a
   * cluster does not serve (or forbids) never blocks the classes it does offer.
   */
  private classesOn(cluster: string): EnvironmentClass[] {
    return [...this.classes.values()].filter(c => c.isOfferedOn(cluster));
  }

  private toEnvironment(
    anchor: KubernetesObject,
    cluster: string,
  ): Environment {
    const cls = this.classes.get(anchor.metadata?.labels?.[CLASS_LABEL] ?? '');
    return readEnvironment(anchor, cluster, cls, this.options.platformUrl);
  }

  private async client(cluster: string): Promise<ClusterClient> {
    const details = await this.options.clusters.getCluster(cluster);
    if (!details) {
      throw new NotFoundError(`Unknown cluster "${cluster}"`);
    }
    const kubeConfig = await this.options.clusters.getKubeConfig(cluster);
    return new ClusterClient(cluster, kubeConfig);
  }
}
