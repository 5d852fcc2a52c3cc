/**
 * `app-config.oidc-clusters.yaml`: an overlay for the backend of the OIDC end-to-end lane. Read
 * after `app-config.local-clusters.yaml`, it turns the local fleet's clusters into user-level
 * clusters (`authProvider: oidc`, the local issuer's ID tokens as `oidcTokenProvider: oidc`),
 * read by the watch cache with the backend's own service account token (`backstage-backend`, the one
 * app-config.local-clusters.yaml already uses) as their `cacheCredential`. Each
 * viewer then sees what their own RBAC allows (alice: dev-eu and prod-us; bob: dev-eu).
 *
 * Run as a script, it writes the overlay next to the app config `yarn clusters up` wrote:
 * `node --require @backstage/cli/config/nodeTransform.cjs packages/local-clusters/src/oidc/oidcClustersConfig.ts`
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { statePaths, StatePaths } from '../paths';

/** The `oidcTokenProvider` of the overlay's clusters; the demo app maps it to its oidc sign-in. */
export const LOCAL_OIDC_TOKEN_PROVIDER = 'oidc';

export const OIDC_CLUSTERS_CONFIG_FILE = 'app-config.oidc-clusters.yaml';

interface ConfigCluster {
  name: string;
  url: string;
  authProvider: string;
  serviceAccountToken?: string;
  caData?: string;
  [key: string]: unknown;
}

/** The overlay for the fleet that `appConfigYaml` (app-config.local-clusters.yaml) describes. */
export function renderOidcClustersConfig(appConfigYaml: string): string {
  const config = parse(appConfigYaml);
  const method = config?.kubernetes?.clusterLocatorMethods?.[0];
  const clusters: ConfigCluster[] = method?.clusters ?? [];
  const metas: Array<{ name: string }> = config?.kubeplatform?.clusters ?? [];
  if (!clusters.length) {
    throw new Error(
      'the local clusters app config lists no clusters; run `yarn clusters up`',
    );
  }
  const header =
    '# Written from app-config.local-clusters.yaml (packages/local-clusters/src/oidc/oidcClustersConfig.ts)\n' +
    '# for the OIDC end-to-end lane: the local clusters as user-level (oidc) clusters, read by the\n' +
    '# watch cache with a service-account token. Holds tokens; git-ignored. Pass it after the\n' +
    '# local clusters config with --config.\n';
  return (
    header +
    stringify({
      kubernetes: {
        clusterLocatorMethods: [
          {
            ...method,
            clusters: clusters.map(
              ({ serviceAccountToken: _token, ...cluster }) => ({
                ...cluster,
                authProvider: 'oidc',
                oidcTokenProvider: LOCAL_OIDC_TOKEN_PROVIDER,
              }),
            ),
          },
        ],
      },
      kubeplatform: {
        clusters: clusters.map(cluster => {
          if (cluster.authProvider !== 'serviceAccount') {
            throw new Error(
              `cluster '${cluster.name}' is not read with a service account; the overlay needs one as its cacheCredential`,
            );
          }
          return {
            ...metas.find(m => m.name === cluster.name),
            name: cluster.name,
            cacheCredential: {
              authProvider: 'serviceAccount',
              serviceAccountToken: cluster.serviceAccountToken,
            },
          };
        }),
      },
    })
  );
}

/** Writes the overlay next to the app config `yarn clusters up` wrote; returns its path. */
export function writeOidcClustersConfig(
  paths: StatePaths = statePaths(),
): string {
  const target = path.join(
    path.dirname(paths.appConfig),
    OIDC_CLUSTERS_CONFIG_FILE,
  );
  const content = renderOidcClustersConfig(
    fs.readFileSync(paths.appConfig, 'utf8'),
  );
  const tmp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, content, { mode: 0o600 });
  fs.renameSync(tmp, target);
  return target;
}

if (require.main === module) {
  process.stdout.write(`${writeOidcClustersConfig()}\n`);
}
