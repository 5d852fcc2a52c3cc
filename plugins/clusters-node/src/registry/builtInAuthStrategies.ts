import { LoggerService } from '@backstage/backend-plugin-api';
import { Config, ConfigReader } from '@backstage/config';
import {
  AksStrategy,
  AnonymousStrategy,
  AwsIamStrategy,
  AzureIdentityStrategy,
  GoogleServiceAccountStrategy,
  GoogleStrategy,
  OidcStrategy,
} from '@backstage/plugin-kubernetes-backend';
import { ClientCertificateStrategy } from '../auth/ClientCertificateStrategy';
import { InClusterServiceAccount } from '../auth/InClusterServiceAccount';
import { KubeconfigStrategy } from '../auth/KubeconfigStrategy';
import { ServiceAccountStrategy } from '../auth/ServiceAccountStrategy';
import { UpstreamAuthStrategyAdapter } from '../auth/UpstreamAuthStrategyAdapter';
import { ClusterAuthStrategy } from '../types';
import { silentLogger } from './silentLogger';

/**
 * What the built-in strategies read: upstream's `aws` reads `aws.*`, `googleServiceAccount` reads `kubernetes.googleServiceAccountCredentials`.
 *
 * @public
 */
export interface BuiltInAuthStrategiesOptions {
  config?: Config;
  logger?: LoggerService;
  /** Where `serviceAccount` without a token finds the pod's service account. */
  inCluster?: InClusterServiceAccount;
}

/**
 * The strategies every installation has, by authProvider name: every authProvider of
 * `@backstage/plugin-kubernetes-backend` (its own strategy classes, adapted) plus
 * `clientCertificate` and `kubeconfig`.
 *
 * @public
 */
export function builtInAuthStrategies(
  options: BuiltInAuthStrategiesOptions = {},
): Map<string, ClusterAuthStrategy> {
  const config = options.config ?? new ConfigReader({});
  // Upstream's Azure strategy logs its token fetches; without a logger they are dropped.
  const logger = options.logger ?? silentLogger;
  const service = (
    name: string,
    upstream: ConstructorParameters<typeof UpstreamAuthStrategyAdapter>[1],
  ) => new UpstreamAuthStrategyAdapter(name, upstream, 'service');
  const user = (
    name: string,
    upstream: ConstructorParameters<typeof UpstreamAuthStrategyAdapter>[1],
  ) => new UpstreamAuthStrategyAdapter(name, upstream, 'user');
  return new Map<string, ClusterAuthStrategy>([
    ['serviceAccount', new ServiceAccountStrategy(options.inCluster)],
    ['clientCertificate', new ClientCertificateStrategy()],
    ['kubeconfig', new KubeconfigStrategy()],
    ['aws', service('aws', new AwsIamStrategy({ config }))],
    ['azure', service('azure', new AzureIdentityStrategy(logger))],
    [
      'googleServiceAccount',
      service(
        'googleServiceAccount',
        new GoogleServiceAccountStrategy({ config }),
      ),
    ],
    [
      'localKubectlProxy',
      service('localKubectlProxy', new AnonymousStrategy()),
    ],
    ['oidc', user('oidc', new OidcStrategy())],
    ['google', user('google', new GoogleStrategy())],
    ['aks', user('aks', new AksStrategy())],
  ]);
}
