import {
  ApiBlueprint,
  createFrontendModule,
  gitlabAuthApiRef,
  googleAuthApiRef,
  microsoftAuthApiRef,
  oktaAuthApiRef,
  oneloginAuthApiRef,
  OpenIdConnectApi,
} from '@backstage/frontend-plugin-api';
import {
  KubernetesAuthProviders,
  kubernetesAuthProvidersApiRef,
} from '@backstage/plugin-kubernetes-react';
import { localOidcAuthApiRef } from '../signIn';

/**
 * The `oidcTokenProvider` of clusters that accept the local issuer's ID tokens (the demo's
 * user-level clusters, `.local-clusters/app-config.oidc-clusters.yaml`): the browser sends the
 * signed-in user's token as `Backstage-Kubernetes-Authorization-Oidc-oidc`.
 */
export const LOCAL_OIDC_TOKEN_PROVIDER = 'oidc';

/**
 * The ID token of the local issuer's session, or '' without one: asked with `optional`, so a
 * guest is never shown a sign-in dialog by a view and sends no token (the cluster then shows as
 * unauthorized for them).
 */
function sessionIdToken(api: OpenIdConnectApi): OpenIdConnectApi {
  return {
    getIdToken: options => api.getIdToken({ ...options, optional: true }),
  };
}

/**
 * Replaces @backstage/plugin-kubernetes's `api:kubernetes/auth-providers` with upstream's own
 * KubernetesAuthProviders and its default providers, plus the local OIDC issuer. Both upstream's
 * Kubernetes plugin and Kubeplatform's multicluster plugin ask it for the viewer's tokens.
 */
export const kubernetesAuthModule = createFrontendModule({
  pluginId: 'kubernetes',
  extensions: [
    ApiBlueprint.make({
      name: 'auth-providers',
      params: defineParams =>
        defineParams({
          api: kubernetesAuthProvidersApiRef,
          deps: {
            gitlabAuthApi: gitlabAuthApiRef,
            googleAuthApi: googleAuthApiRef,
            microsoftAuthApi: microsoftAuthApiRef,
            oktaAuthApi: oktaAuthApiRef,
            oneloginAuthApi: oneloginAuthApiRef,
            localOidcAuthApi: localOidcAuthApiRef,
          },
          factory: deps =>
            new KubernetesAuthProviders({
              microsoftAuthApi: deps.microsoftAuthApi,
              googleAuthApi: deps.googleAuthApi,
              oidcProviders: {
                // upstream's defaults (@backstage/plugin-kubernetes/alpha)
                gitlab: deps.gitlabAuthApi,
                google: deps.googleAuthApi,
                microsoft: deps.microsoftAuthApi,
                okta: deps.oktaAuthApi,
                onelogin: deps.oneloginAuthApi,
                [LOCAL_OIDC_TOKEN_PROVIDER]: sessionIdToken(
                  deps.localOidcAuthApi,
                ),
              },
            }),
        }),
    }),
  ],
});
