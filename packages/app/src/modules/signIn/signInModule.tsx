import { SignInPage } from '@backstage/core-components';
import {
  configApiRef,
  createFrontendModule,
  useApi,
} from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import { ComponentProps } from 'react';
import { localOidcAuthApi, localOidcAuthApiRef } from './localOidcAuthApi';

type SignInPageProps = Omit<ComponentProps<typeof SignInPage>, 'providers'>;

/**
 * Guest, plus the OpenID Connect issuer when the config names one
 * (`kubeplatform.signIn.oidc`, written by `yarn clusters up` next to `auth.providers.oidc`).
 */
function DemoSignInPage(props: SignInPageProps) {
  const config = useApi(configApiRef);
  const oidc = config.getOptionalConfig('kubeplatform.signIn.oidc');
  return (
    <SignInPage
      {...props}
      providers={[
        'guest',
        ...(oidc
          ? [
              {
                id: 'oidc',
                title: oidc.getOptionalString('title') ?? 'OpenID Connect',
                message: `Sign in at ${
                  oidc.getOptionalString('issuer') ??
                  'the OpenID Connect issuer'
                }`,
                apiRef: localOidcAuthApiRef,
              },
            ]
          : []),
      ]}
    />
  );
}

/** The app's sign-in page (replaces the default guest-only one) and the oidc auth API. */
export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    localOidcAuthApi,
    SignInPageBlueprint.make({
      params: { loader: async () => DemoSignInPage },
    }),
  ],
});
