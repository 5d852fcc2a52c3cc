import { createHmac } from 'node:crypto';
import { stringify } from 'yaml';
import { IssuerRecord } from '../oidc/issuerFiles';
import { ClusterState } from './fleetState';

/**
 * Backstage sign-in through the local OpenID Connect issuer (the `oidc` provider of
 * @backstage/plugin-auth-backend-module-oidc-provider): its users resolve to the catalog user
 * with the same email. The backend must trust the issuer's CA (NODE_EXTRA_CA_CERTS, set by
 * scripts/lib/backend.sh when the CA exists).
 */
function oidcSignIn(issuer: IssuerRecord) {
  return {
    auth: {
      // openid-client keeps the state and nonce of a sign-in in the auth backend's session,
      // which exists only with a session secret. Derived, so it stays the same across `up`s.
      session: {
        secret: createHmac('sha256', issuer.clientSecret)
          .update('backstage-auth-session')
          .digest('hex'),
      },
      providers: {
        oidc: {
          development: {
            metadataUrl: `${issuer.issuer}/.well-known/openid-configuration`,
            clientId: issuer.clientId,
            clientSecret: issuer.clientSecret,
            // Show the issuer's sign-in page when there is no session there (not `none`).
            prompt: 'auto',
            additionalScopes: ['groups'],
            signIn: {
              resolvers: [{ resolver: 'emailMatchingUserEntityProfileEmail' }],
            },
          },
        },
      },
    },
    signIn: { oidc: { title: 'Local OIDC issuer', issuer: issuer.issuer } },
  };
}

/**
 * The Backstage config that points the backend at the local fleet, read by
 * @backstage/plugin-kubernetes-backend (kubernetes.*) and by Kubeplatform (kubeplatform.*).
 */
export function renderAppConfig(
  clusters: ClusterState[],
  issuer?: IssuerRecord,
): string {
  const oidc = issuer ? oidcSignIn(issuer) : undefined;
  const header =
    '# Written by `yarn clusters up` (packages/local-clusters). Holds service-account tokens of\n' +
    '# throwaway local clusters and the local OIDC client secret; git-ignored. Pass it to the\n' +
    '# backend with --config.\n';
  return (
    header +
    stringify({
      kubernetes: {
        serviceLocatorMethod: { type: 'multiTenant' },
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: clusters.map(c => ({
              name: c.name,
              url: c.server,
              authProvider: 'serviceAccount',
              serviceAccountToken: c.tokens.backend,
              caData: c.caData,
            })),
          },
        ],
      },
      ...(oidc && { auth: oidc.auth }),
      kubeplatform: {
        ...(oidc && { signIn: oidc.signIn }),
        clusters: clusters.map(c => ({
          name: c.name,
          title: c.title,
          region: c.region,
          environment: c.environment,
        })),
      },
    })
  );
}
