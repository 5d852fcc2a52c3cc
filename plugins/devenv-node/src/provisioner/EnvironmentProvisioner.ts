import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  Environment,
  EnvironmentClassSummary,
  EnvironmentClusterSummary,
} from '@kubeplatform/clusters-common';
import type { ProgressReporter } from '../classes/types';
import type { DevenvSettings } from '../config/settingsSchema';
import type { ObjectRef } from '../kube/objects';
import { applyEnvironmentManifests } from './applyEnvironmentManifests';
import type { EnvironmentClusters } from './connectCluster';
import { parseDuration } from '@kubeplatform/clusters-common';
import { EnvironmentClasses } from './EnvironmentClasses';
import { EnvironmentCreator, ProvisionResult } from './EnvironmentCreator';
import {
  ConnectionSecret,
  EnvironmentCredentials,
  IssuedKubeconfig,
} from './EnvironmentCredentials';
import { EnvironmentLifecycle } from './EnvironmentLifecycle';
import { EnvironmentLocator } from './EnvironmentLocator';
import type { ManifestPolicy, SourcedManifest } from './environmentManifests';
import { placeInEnvironmentNamespace } from './environmentManifests';
import {
  EnvironmentPlanner,
  EnvironmentPlanResult,
} from './EnvironmentPlanner';

export type { EnvironmentClusters } from './connectCluster';
export type { ProvisionResult } from './EnvironmentCreator';
export type {
  ConnectionSecret,
  IssuedKubeconfig,
} from './EnvironmentCredentials';
export type { EnvironmentPlanResult } from './EnvironmentPlanner';

/** @public */
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

/** @public */
export interface EnvironmentListResult {
  items: Environment[];
  /** Clusters that could not be read, reported as data next to the results that did arrive. */
  errors: Array<{ cluster: string; message: string }>;
}

/** @public */
export interface CallOptions {
  progress?: ProgressReporter;
}

/**
 * A change to an environment the caller looked up and authorized: it applies only while the
 * anchor still has the UID the caller saw (`IdentifiedEnvironment.uid`).
 *
 * @public
 */
export interface ChangeOptions {
  uid?: string;
}

/**
 * An environment and the UID of its anchor, for changes that must not reach a replacement.
 *
 * @public
 */
export interface IdentifiedEnvironment {
  environment: Environment;
  uid: string;
}

const noProgress: ProgressReporter = () => {};

/**
 * Creates, reads, extends, puts to sleep and deletes development environments. The cluster
 * is the source of truth: everything is read back from labels and annotations.
 *
 * A facade: finding environments, planning, creation, lifecycle changes and credentials each
 * live in a unit of their own.
 *
 * @public
 */
export class EnvironmentProvisioner {
  private readonly classes: EnvironmentClasses;
  private readonly locator: EnvironmentLocator;
  private readonly planner: EnvironmentPlanner;
  private readonly creator: EnvironmentCreator;
  private readonly lifecycle: EnvironmentLifecycle;
  private readonly credentials: EnvironmentCredentials;
  private readonly timeoutMs: number | undefined;

  constructor(private readonly options: EnvironmentProvisionerOptions) {
    const { clusters, settings, logger, platformUrl, ownerExists } = options;
    const now = options.now ?? (() => new Date());
    this.timeoutMs = parseDuration(settings.clusterTimeout);
    this.classes = new EnvironmentClasses(settings, platformUrl);
    this.locator = new EnvironmentLocator(
      clusters,
      this.classes,
      logger,
      this.timeoutMs,
    );
    this.planner = new EnvironmentPlanner({
      clusters,
      classes: this.classes,
      ownerExists,
      reservedNames: settings.reservedNames,
      now,
    });
    this.creator = new EnvironmentCreator(this.locator, this.classes, logger);
    this.lifecycle = new EnvironmentLifecycle(
      this.locator,
      this.classes,
      logger,
      now,
    );
    this.credentials = new EnvironmentCredentials(this.locator, settings);
  }

  /** The `kubeplatform.devenv` settings this provisioner was built from. */
  get settings(): DevenvSettings {
    return this.options.settings;
  }

  listClasses(): EnvironmentClassSummary[] {
    return this.classes.summaries();
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
  ): Promise<EnvironmentPlanResult> {
    const { request, environment, manifests } = await this.planner.plan(
      input,
      options,
    );
    return { request, environment, manifests };
  }

  /**
   * Creates an environment. A repeat of an identical request returns the existing environment
   * and writes nothing. If any step fails, every object this request created is removed.
   */
  async create(
    input: unknown,
    options: CallOptions & { createdBy?: string } = {},
  ): Promise<ProvisionResult> {
    const planned = await this.planner.plan(input, options);
    return this.creator.create(planned, options.progress ?? noProgress);
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
          items.push(...(await this.locator.listOnCluster(cluster)));
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

  async get(cluster: string, name: string): Promise<Environment> {
    return (await this.identify(cluster, name)).environment;
  }

  /**
   * The environment and its anchor's UID. A caller that authorizes on what it read passes the
   * UID to the change, so the change cannot reach an environment that replaced this one.
   */
  async identify(
    cluster: string,
    name: string,
    consequence = 'it is not a development environment',
  ): Promise<IdentifiedEnvironment> {
    const { environment, anchor } = await this.locator.locate(
      cluster,
      name,
      consequence,
    );
    return { environment, uid: anchor.metadata?.uid ?? '' };
  }

  /** What `applyManifests` accepts: the allow-listed kinds, never a class's anchor kind. */
  get manifestPolicy(): ManifestPolicy {
    return {
      allowedKinds: this.options.settings.apply.allowedKinds,
      anchorKinds: this.classes.anchorKinds(),
    };
  }

  /**
   * Checks manifests against the manifest policy and places them in `namespace`, without
   * calling any cluster (for dry runs). Throws InputError listing every problem.
   */
  checkManifests(
    manifests: SourcedManifest[],
    namespace: string,
  ): ReturnType<typeof placeInEnvironmentNamespace> {
    return placeInEnvironmentNamespace(
      manifests,
      namespace,
      this.manifestPolicy,
    );
  }

  /**
   * Server-side applies manifests into an existing namespace environment as the environment
   * itself (a TokenRequest for its ServiceAccount; field manager `kubeplatform-environment`, no
   * force). Everything is checked before the first write.
   */
  applyManifests(
    cluster: string,
    name: string,
    manifests: SourcedManifest[],
    options: CallOptions & ChangeOptions = {},
  ): Promise<{ environment: Environment; applied: ObjectRef[] }> {
    return applyEnvironmentManifests(
      {
        locator: this.locator,
        logger: this.options.logger,
        progress: options.progress ?? noProgress,
        policy: this.manifestPolicy,
        timeoutMs: this.timeoutMs,
      },
      cluster,
      name,
      manifests,
      { uid: options.uid },
    );
  }

  /**
   * Deletes an environment's objects, only those the labels prove Kubeplatform manages, each
   * with a UID precondition.
   */
  delete(
    cluster: string,
    name: string,
    options: CallOptions & ChangeOptions = {},
  ): Promise<Environment> {
    return this.lifecycle.delete(
      cluster,
      name,
      options.progress ?? noProgress,
      { uid: options.uid },
    );
  }

  /** Moves the expiry to now + ttl, within the class's maximum. */
  extend(
    cluster: string,
    name: string,
    ttl: string,
    options: ChangeOptions = {},
  ): Promise<Environment> {
    return this.lifecycle.extend(cluster, name, ttl, options);
  }

  /** Scales the environment's workloads to zero; `reason` tells the reaper whether to wake it. */
  sleep(
    cluster: string,
    name: string,
    reason: 'manual' | 'schedule' = 'manual',
    options: ChangeOptions = {},
  ): Promise<Environment> {
    return this.lifecycle.sleep(cluster, name, reason, options);
  }

  wake(
    cluster: string,
    name: string,
    options: ChangeOptions = {},
  ): Promise<Environment> {
    return this.lifecycle.wake(cluster, name, options);
  }

  /**
   * A kubeconfig for the environment's namespace with a short-lived TokenRequest token. The
   * caller must hand it only to the requesting user and never log it.
   */
  issueKubeconfig(
    cluster: string,
    name: string,
    options: ChangeOptions = {},
  ): Promise<IssuedKubeconfig> {
    return this.credentials.issueKubeconfig(cluster, name, options);
  }

  /**
   * The connection details a resource-template class publishes in a Secret (URL, namespace,
   * sometimes a kubeconfig). Like a kubeconfig, they go only to the requesting user.
   */
  readConnectionSecret(
    cluster: string,
    name: string,
  ): Promise<ConnectionSecret> {
    return this.credentials.readConnectionSecret(cluster, name);
  }
}
