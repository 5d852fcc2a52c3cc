import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import {
  Entity,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { DocumentCollatorFactory } from '@backstage/plugin-search-common';
import { Readable } from 'node:stream';
import {
  multiclusterViewReadPermission,
  WORKLOAD_DOCUMENT_TYPE,
  type WorkloadDocument,
} from '@kubeplatform/clusters-common';
import type { EntityViewSource } from './EntityViewSource';
import { workloadDocument } from './workloadDocument';

/** The annotations by which an entity's workloads are found (as in Backstage's Kubernetes plugin). */
const KUBERNETES_ANNOTATIONS = [
  'backstage.io/kubernetes-id',
  'backstage.io/kubernetes-label-selector',
];

/** @public */
export interface WorkloadCollatorFactoryOptions {
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  views: EntityViewSource;
  /** Views fetched at once; the multicluster backend answers from its cache. */
  concurrency?: number;
}

/**
 * One document per catalog entity that runs on Kubernetes. An entity whose view cannot be read
 * is logged and left out; the run goes on with the rest. A document shows what the entity's
 * multi-cluster view shows, so search authorizes it with `multicluster.view.read` on that entity.
 *
 * @public
 */
export class WorkloadCollatorFactory implements DocumentCollatorFactory {
  readonly type = WORKLOAD_DOCUMENT_TYPE;
  readonly visibilityPermission = multiclusterViewReadPermission;

  constructor(private readonly options: WorkloadCollatorFactoryOptions) {}

  async getCollator(): Promise<Readable> {
    return Readable.from(this.documents());
  }

  private async *documents(): AsyncGenerator<WorkloadDocument> {
    const entities = await this.entities();
    const concurrency = this.options.concurrency ?? 4;
    for (let i = 0; i < entities.length; i += concurrency) {
      const batch = entities.slice(i, i + concurrency);
      const documents = await Promise.all(batch.map(e => this.document(e)));
      for (const document of documents) {
        if (document) yield document;
      }
    }
  }

  private async entities(): Promise<Entity[]> {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const { items } = await this.options.catalog.getEntities(
      {
        filter: KUBERNETES_ANNOTATIONS.map(annotation => ({
          [`metadata.annotations.${annotation}`]: CATALOG_FILTER_EXISTS,
        })),
        fields: ['kind', 'metadata', 'spec.owner'],
      },
      { credentials },
    );
    return items;
  }

  private async document(
    entity: Entity,
  ): Promise<WorkloadDocument | undefined> {
    try {
      const view = await this.options.views(getCompoundEntityRef(entity));
      return workloadDocument(entity, view);
    } catch (error) {
      this.options.logger.warn(
        `Skipped ${stringifyEntityRef(entity)} in the workloads index: ${
          (error as Error).message
        }`,
      );
      return undefined;
    }
  }
}
