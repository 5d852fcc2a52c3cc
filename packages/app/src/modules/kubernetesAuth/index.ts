export {
  kubernetesAuthModule,
  LOCAL_OIDC_TOKEN_PROVIDER,
} from './kubernetesAuthModule';
