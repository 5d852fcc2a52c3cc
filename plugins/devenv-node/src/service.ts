import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { clustersServiceRef } from '@kubeplatform/clusters-node';
import { readDevenvSettings } from './config/readDevenvSettings';
import { EnvironmentProvisioner } from './provisioner/EnvironmentProvisioner';

/**
 * The environment provisioner, configured from `kubeplatform.devenv` and the clusters service.
 * Owners are checked against the catalog with the plugin's own credentials.
 *
 * @public
 */
export const environmentProvisionerServiceRef =
  createServiceRef<EnvironmentProvisioner>({
    id: 'kubeplatform.devenv.provisioner',
    scope: 'plugin',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {
          config: coreServices.rootConfig,
          logger: coreServices.logger,
          discovery: coreServices.discovery,
          auth: coreServices.auth,
          catalog: catalogServiceRef,
          clusters: clustersServiceRef,
        },
        async factory({ config, logger, discovery, auth, catalog, clusters }) {
          return new EnvironmentProvisioner({
            clusters,
            settings: readDevenvSettings(config),
            logger: logger.child({ service: 'devenv-provisioner' }),
            platformUrl: await discovery.getExternalBaseUrl('devenv'),
            ownerExists: async ownerRef => {
              const entity = await catalog.getEntityByRef(ownerRef, {
                credentials: await auth.getOwnServiceCredentials(),
              });
              return !!entity;
            },
          });
        },
      }),
  });
