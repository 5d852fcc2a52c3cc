import type { LoggerService } from '@backstage/backend-plugin-api';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import type { DocumentCollatorFactory } from '@backstage/plugin-search-common';
import type {
  EnvironmentAccessPolicy,
  EnvironmentListResult,
} from '@kubeplatform/plugin-devenv-node';
import { Readable } from 'node:stream';
import {
  ENVIRONMENT_DOCUMENT_TYPE,
  type EnvironmentDocument,
} from '@kubeplatform/clusters-common';
import { environmentDocument } from './environmentDocument';

/** @public */
export interface EnvironmentCollatorFactoryOptions {
  /** Lists every environment on every cluster; the provisioner's `list()`. */
  listEnvironments: () => Promise<EnvironmentListResult>;
  /** Decides which catalog Resource an environment's document is permission-checked as. */
  access: Pick<EnvironmentAccessPolicy, 'catalogEntityRef'>;
  logger: LoggerService;
}

/**
 * One document per development environment, read from the clusters (the source of truth).
 * A cluster that cannot be read is logged; the environments of the others are still indexed.
 *
 * @public
 */
export class EnvironmentCollatorFactory implements DocumentCollatorFactory {
  readonly type = ENVIRONMENT_DOCUMENT_TYPE;
  readonly visibilityPermission = catalogEntityReadPermission;

  constructor(private readonly options: EnvironmentCollatorFactoryOptions) {}

  async getCollator(): Promise<Readable> {
    return Readable.from(this.documents());
  }

  private async *documents(): AsyncGenerator<EnvironmentDocument> {
    const { items, errors } = await this.options.listEnvironments();
    for (const { cluster, message } of errors) {
      this.options.logger.warn(
        `Environments on cluster ${cluster} are missing from the index: ${message}`,
      );
    }
    for (const environment of items) {
      yield environmentDocument(
        environment,
        this.options.access.catalogEntityRef(environment),
      );
    }
  }
}
