/**
 * The people the local OpenID Connect issuer signs in. They are catalog users of the demo
 * (examples/org.yaml) and get different Kubernetes RBAC: alice reads the demo namespaces in
 * every cluster, bob only in dev-eu, so one cluster answers them differently.
 */
export interface LocalIssuerUser {
  /** The login name on the issuer's sign-in page, the `sub` claim and the catalog user name. */
  name: string;
  displayName: string;
  email: string;
  groups: string[];
  /** The clusters whose demo namespaces this user may read; the others forbid them. */
  readsClusters: string[];
}

export const LOCAL_ISSUER_USERS: readonly LocalIssuerUser[] = [
  {
    name: 'alice',
    displayName: 'Alice Example',
    email: 'alice@example.com',
    groups: ['team-shop'],
    readsClusters: ['dev-eu', 'prod-us'],
  },
  {
    name: 'bob',
    displayName: 'Bob Example',
    email: 'bob@example.com',
    groups: ['team-discovery'],
    readsClusters: ['dev-eu'],
  },
];

/** The OAuth client Backstage signs in with; ID tokens carry it as their audience. */
export const LOCAL_ISSUER_CLIENT_ID = 'kubeplatform-backstage';

/** What the API servers put before the issuer's `email` and `groups` claims. */
export const OIDC_USERNAME_PREFIX = 'oidc:';

/** The Kubernetes user name an ID token of this user authenticates as. */
export function kubernetesUserName(user: LocalIssuerUser): string {
  return `${OIDC_USERNAME_PREFIX}${user.email}`;
}

/** The issuer's preferred port on 127.0.0.1; another free port when it is taken. */
export const LOCAL_ISSUER_DEFAULT_PORT = 16543;

/** Where Backstage's oidc provider receives the authorization code. */
export const BACKSTAGE_OIDC_CALLBACK =
  'http://localhost:7007/api/auth/oidc/handler/frame';

export function findLocalIssuerUser(name: string): LocalIssuerUser {
  const user = LOCAL_ISSUER_USERS.find(u => u.name === name);
  if (!user) {
    throw new Error(
      `the local issuer has no user ${name}; it knows ${LOCAL_ISSUER_USERS.map(
        u => u.name,
      ).join(', ')}`,
    );
  }
  return user;
}
