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
import { EnvironmentClasses } from './EnvironmentClasses';
import { EnvironmentCreator, ProvisionResult } from './EnvironmentCreator';
import {
  ConnectionSecret,
  EnvironmentCredentials,
  IssuedKubeconfig,
} from './EnvironmentCredentials';
import { EnvironmentLifecycle } from './EnvironmentLifecycle';
import { EnvironmentLocator } from './EnvironmentLocator';
import type { SourcedManifest } from './environmentManifests';
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

export interface EnvironmentListResult {
  items: Environment[];
  /** Clusters that could not be read, reported as data next to the results that did arrive. */
  errors: Array<{ cluster: string; message: string }>;
}

export interface CallOptions {
  progress?: ProgressReporter;
}

const noProgress: ProgressReporter = () => {};

/**
 * Creates, reads, extends, puts to sleep and deletes development environments. The cluster
 * is the source of truth: everything is read back from labels and annotations.
 *
 * A facade: finding environments, planning, creation, lifecycle changes and credentials each
 * live in a unit of their own.
 */
export class EnvironmentProvisioner {
  private readonly classes: EnvironmentClasses;
  private readonly locator: EnvironmentLocator;
  private readonly planner: EnvironmentPlanner;
  private readonly creator: EnvironmentCreator;
  private readonly lifecycle: EnvironmentLifecycle;
  private readonly credentials: EnvironmentCredentials;

  constructor(private readonly options: EnvironmentProvisionerOptions) {
    const { clusters, settings, logger, platformUrl, ownerExists } = options;
    const now = options.now ?? (() => new Date());
    this.classes = new EnvironmentClasses(settings, platformUrl);
    this.locator = new EnvironmentLocator(clusters, this.classes);
    this.planner = new EnvironmentPlanner({
      clusters,
      classes: this.classes,
      ownerExists,
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
    const { environment } = await this.locator.locate(
      cluster,
      name,
      'it is not a development environment',
    );
    return environment;
  }

  /**
   * Server-side applies manifests (field manager `kubeplatform`, no force) into an existing
   * environment's namespace. Everything is checked before the first write.
   */
  applyManifests(
    cluster: string,
    name: string,
    manifests: SourcedManifest[],
    options: CallOptions = {},
  ): Promise<{ environment: Environment; applied: ObjectRef[] }> {
    return applyEnvironmentManifests(
      {
        locator: this.locator,
        logger: this.options.logger,
        progress: options.progress ?? noProgress,
      },
      cluster,
      name,
      manifests,
    );
  }

  /** Deletes an environment's objects, only those the labels prove Kubeplatform manages. */
  delete(
    cluster: string,
    name: string,
    options: CallOptions = {},
  ): Promise<Environment> {
    return this.lifecycle.delete(cluster, name, options.progress ?? noProgress);
  }

  /** Moves the expiry to now + ttl, within the class's maximum. */
  extend(cluster: string, name: string, ttl: string): Promise<Environment> {
    return this.lifecycle.extend(cluster, name, ttl);
  }

  /** Scales the environment's workloads to zero; `reason` tells the reaper whether to wake it. */
  sleep(
    cluster: string,
    name: string,
    reason: 'manual' | 'schedule' = 'manual',
  ): Promise<Environment> {
    return this.lifecycle.sleep(cluster, name, reason);
  }

  wake(cluster: string, name: string): Promise<Environment> {
    return this.lifecycle.wake(cluster, name);
  }

  /**
   * A kubeconfig for the environment's namespace with a short-lived TokenRequest token. The
   * caller must hand it only to the requesting user and never log it.
   */
  issueKubeconfig(cluster: string, name: string): Promise<IssuedKubeconfig> {
    return this.credentials.issueKubeconfig(cluster, name);
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
