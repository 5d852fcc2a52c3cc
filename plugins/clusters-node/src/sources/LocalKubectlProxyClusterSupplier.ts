import { Config } from '@backstage/config';
import dns from 'node:dns';
import { ClusterDefinition, ClusterSupplier } from '../types';

/**
 * Where `kubectl proxy` listens by default.
 *
 * @public
 */
export const KUBECTL_PROXY_PORT = 8001;

/**
 * `kubernetes.clusterLocatorMethods` entries of `type: localKubectlProxy`: one cluster named
 * `local` at `http://localhost:8001`, reached without credentials (`authProvider:
 * localKubectlProxy`), as `@backstage/plugin-kubernetes-backend`'s locator defines it.
 *
 * @public
 */
export class LocalKubectlProxyClusterSupplier implements ClusterSupplier {
  readonly name = 'localKubectlProxy';

  constructor(private readonly port: number = KUBECTL_PROXY_PORT) {}

  /** Undefined when no locator of this type is configured. */
  static fromConfig(
    rootConfig: Config,
  ): LocalKubectlProxyClusterSupplier | undefined {
    const methods =
      rootConfig.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ??
      [];
    return methods.some(m => m.getString('type') === 'localKubectlProxy')
      ? new LocalKubectlProxyClusterSupplier()
      : undefined;
  }

  async getClusters(): Promise<ClusterDefinition[]> {
    // kubectl proxy listens on 127.0.0.1, so IPv4 first, as upstream resolves it.
    const { address, family } = await dns.promises.lookup('localhost', {
      verbatim: false,
    });
    const host = family === 6 ? `[${address}]` : address;
    return [
      {
        name: 'local',
        url: `http://${host}:${this.port}`,
        source: 'config',
        authProvider: 'localKubectlProxy',
        authMetadata: { 'kubernetes.io/auth-provider': 'localKubectlProxy' },
        // Plain HTTP has no TLS to verify; client-node refuses http:// URLs unless this is set.
        skipTLSVerify: true,
      },
    ];
  }
}
