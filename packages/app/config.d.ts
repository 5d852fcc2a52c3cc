export interface Config {
  kubeplatform?: {
    /** Extra sign-in providers the demo app's sign-in page offers next to guest. */
    signIn?: {
      /**
       * An OpenID Connect issuer behind the auth backend's `oidc` provider (`yarn clusters up`
       * writes this for its local issuer).
       * @visibility frontend
       */
      oidc?: {
        /** @visibility frontend */
        title?: string;
        /** The issuer URL, shown on the sign-in card. @visibility frontend */
        issuer?: string;
      };
    };
  };
}
