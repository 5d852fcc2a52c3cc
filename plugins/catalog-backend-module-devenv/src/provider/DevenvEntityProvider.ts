import type {
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import type {
  EnvironmentAccessPolicy,
  EnvironmentProvisioner,
} from '@kubeplatform/plugin-devenv-node';
import type { ClusterDetails } from '@kubeplatform/clusters-node';
import {
  clusterEntity,
  environmentEntity,
  PROVIDER_NAME,
} from './environmentEntities';

/**
 * Environments (and the clusters they run on) as catalog Resources. Each refresh replaces the
 * whole set, so an environment's Resource goes when the environment does. A cluster that
 * cannot be read keeps its last known environments rather than losing them from the catalog.
 *
 * @public
 */
export class DevenvEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  private readonly lastKnown = new Map<string, Entity[]>();

  constructor(
    private readonly options: {
      provisioner: EnvironmentProvisioner;
      /** Decides under which catalog ref an environment is seen. */
      access: Pick<EnvironmentAccessPolicy, 'catalogEntityRef'>;
      /** Clusters to publish; those that came from the catalog are already there. */
      listClusters: () => Promise<
        Pick<
          ClusterDetails,
          'name' | 'title' | 'region' | 'environment' | 'source'
        >[]
      >;
      clusterOwner: string;
      logger: LoggerService;
      /** Runs refresh on a schedule once the catalog has connected; omitted in tests. */
      schedule?: SchedulerServiceTaskRunner;
    },
  ) {}

  getProviderName(): string {
    return PROVIDER_NAME;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    await this.options.schedule?.run({
      id: `${PROVIDER_NAME}:refresh`,
      fn: async () => {
        const counts = await this.refresh();
        this.options.logger.debug(
          `Published ${counts.environments} environments and ${counts.clusters} clusters`,
        );
      },
    });
  }

  async refresh(): Promise<{ environments: number; clusters: number }> {
    if (!this.connection) {
      throw new Error(`${PROVIDER_NAME} is not connected to the catalog yet`);
    }
    const [{ items, errors }, clusters] = await Promise.all([
      this.options.provisioner.list(),
      this.options.listClusters(),
    ]);
    const byCluster = new Map<string, Entity[]>();
    for (const env of items) {
      const list = byCluster.get(env.cluster) ?? [];
      list.push(
        environmentEntity(env, this.options.access.catalogEntityRef(env)),
      );
      byCluster.set(env.cluster, list);
    }
    const failed = new Set(errors.map(e => e.cluster));
    for (const cluster of clusters) {
      if (failed.has(cluster.name)) {
        this.options.logger.warn(
          `Keeping last known environments of cluster ${cluster.name}: ${
            errors.find(e => e.cluster === cluster.name)?.message
          }`,
        );
        byCluster.set(cluster.name, this.lastKnown.get(cluster.name) ?? []);
      }
    }
    this.lastKnown.clear();
    byCluster.forEach((entities, cluster) =>
      this.lastKnown.set(cluster, entities),
    );

    const environmentEntities = [...byCluster.values()].flat();
    const clusterEntities = clusters
      .filter(c => c.source !== 'catalog')
      .map(c => clusterEntity(c, this.options.clusterOwner));
    await this.connection.applyMutation({
      type: 'full',
      entities: [...clusterEntities, ...environmentEntities].map(entity => ({
        entity,
        locationKey: PROVIDER_NAME,
      })),
    });
    return {
      environments: environmentEntities.length,
      clusters: clusterEntities.length,
    };
  }
}
