import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { NotFoundError } from '@backstage/errors';
import { KubeConfig } from '@kubernetes/client-node';
import { ClientCertificateStrategy } from './auth/ClientCertificateStrategy';
import { KubeconfigStrategy } from './auth/KubeconfigStrategy';
import { ServiceAccountStrategy } from './auth/ServiceAccountStrategy';
import { ConfigClusterSupplier } from './sources/ConfigClusterSupplier';
import { KubeconfigClusterSupplier } from './sources/KubeconfigClusterSupplier';
import {
  ClusterMetadata,
  readClusterMetadata,
} from './sources/readClusterMetadata';
import {
  ClusterAuthStrategy,
  ClusterDefinition,
  ClusterDetails,
  ClustersService,
  ClusterSupplier,
} from './types';

/**
 * The registry of clusters: merges every supplier, applies `kubeplatform.clusters` metadata, and
 * turns a cluster plus its auth strategy into a KubeConfig.
 */
export class DefaultClustersService implements ClustersService {
  private readonly suppliers: ClusterSupplier[] = [];
  private readonly strategies = new Map<string, ClusterAuthStrategy>([
    ['serviceAccount', new ServiceAccountStrategy()],
    ['clientCertificate', new ClientCertificateStrategy()],
    ['kubeconfig', new KubeconfigStrategy()],
  ]);
  private readonly warnedDuplicates = new Set<string>();

  constructor(
    private readonly metadata: Map<string, ClusterMetadata>,
    private readonly logger: LoggerService,
  ) {}

  static fromConfig(
    config: Config,
    logger: LoggerService,
  ): DefaultClustersService {
    const service = new DefaultClustersService(
      readClusterMetadata(config),
      logger,
    );
    service.addClusterSupplier(ConfigClusterSupplier.fromConfig(config));
    const kubeconfig = KubeconfigClusterSupplier.fromConfig(config);
    if (kubeconfig) service.addClusterSupplier(kubeconfig);
    return service;
  }

  addClusterSupplier(supplier: ClusterSupplier): void {
    this.suppliers.push(supplier);
  }

  addAuthStrategy(authProvider: string, strategy: ClusterAuthStrategy): void {
    if (this.strategies.has(authProvider)) {
      throw new Error(
        `An auth strategy for '${authProvider}' is already registered`,
      );
    }
    this.strategies.set(authProvider, strategy);
  }

  async listClusters(): Promise<ClusterDetails[]> {
    return (await this.listDefinitions()).map(toDetails);
  }

  async getCluster(name: string): Promise<ClusterDetails | undefined> {
    const found = (await this.listDefinitions()).find(c => c.name === name);
    return found && toDetails(found);
  }

  /** Every cluster with its connection settings. Server-side only: holds secrets. */
  async listDefinitions(): Promise<ClusterDefinition[]> {
    const results = await Promise.allSettled(
      this.suppliers.map(s => s.getClusters()),
    );
    const byName = new Map<string, ClusterDefinition>();
    results.forEach((result, i) => {
      if (result.status === 'rejected') {
        // One broken source (say, the catalog is down) must not hide the others.
        this.logger.warn(
          `Cluster source '${this.suppliers[i].name}' failed: ${
            (result.reason as Error)?.message
          }`,
        );
        return;
      }
      for (const cluster of result.value) {
        if (byName.has(cluster.name)) {
          this.warnDuplicate(cluster);
          continue;
        }
        byName.set(cluster.name, this.withMetadata(cluster));
      }
    });
    return [...byName.values()];
  }

  async getDefinition(name: string): Promise<ClusterDefinition> {
    const found = (await this.listDefinitions()).find(c => c.name === name);
    if (!found) throw new NotFoundError(`Unknown cluster '${name}'`);
    return found;
  }

  async getKubeConfig(name: string): Promise<KubeConfig> {
    return this.kubeConfigFor(await this.getDefinition(name));
  }

  async kubeConfigFor(cluster: ClusterDefinition): Promise<KubeConfig> {
    if (cluster.kubeConfig) return cluster.kubeConfig;
    const strategy = this.strategies.get(cluster.authProvider);
    if (!strategy) {
      throw new Error(
        `cluster '${cluster.name}' uses authProvider '${cluster.authProvider}', for which no auth strategy is installed`,
      );
    }
    const problems = strategy.validateCluster(cluster.authMetadata);
    if (problems.length) {
      throw new Error(
        `cluster '${cluster.name}' is misconfigured: ${problems
          .map(p => p.message)
          .join(', ')}`,
      );
    }
    const credential = await strategy.getCredential(cluster);
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [
        {
          name: cluster.name,
          server: cluster.url,
          caData: cluster.caData,
          caFile: cluster.caFile,
          skipTLSVerify: cluster.skipTLSVerify ?? false,
        },
      ],
      users: [
        {
          name: 'backstage',
          ...(credential.type === 'bearer token' && {
            token: credential.token,
          }),
          ...(credential.type === 'x509 client certificate' && {
            certData: Buffer.from(credential.cert).toString('base64'),
            keyData: Buffer.from(credential.key).toString('base64'),
          }),
        },
      ],
      contexts: [
        { name: cluster.name, cluster: cluster.name, user: 'backstage' },
      ],
      currentContext: cluster.name,
    });
    return kc;
  }

  private withMetadata(cluster: ClusterDefinition): ClusterDefinition {
    const meta = this.metadata.get(cluster.name);
    if (!meta) return cluster;
    return {
      ...cluster,
      title: meta.title ?? cluster.title,
      region: meta.region ?? cluster.region,
      environment: meta.environment ?? cluster.environment,
      namespaces: meta.namespaces ?? cluster.namespaces,
      dashboardUrl: meta.dashboardUrl ?? cluster.dashboardUrl,
    };
  }

  private warnDuplicate(cluster: ClusterDefinition) {
    if (this.warnedDuplicates.has(cluster.name)) return;
    this.warnedDuplicates.add(cluster.name);
    this.logger.warn(
      `Cluster '${cluster.name}' from source '${cluster.source}' is ignored: a cluster with that name was already defined`,
    );
  }
}

function toDetails(c: ClusterDefinition): ClusterDetails {
  return {
    name: c.name,
    title: c.title,
    region: c.region,
    environment: c.environment,
    dashboardUrl: c.dashboardUrl,
    url: c.url,
    source: c.source,
    namespaces: c.namespaces,
  };
}
