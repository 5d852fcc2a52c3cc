/** The catalog locator's key, for messages where its index is not known. */
export const CREDENTIAL_URLS_KEY =
  'kubernetes.clusterLocatorMethods[type=catalog].credentialUrls';

/**
 * Built-in authProviders whose strategy attaches no credential (`localKubectlProxy`: none;
 * `kubeconfig`: the cluster's own KubeConfig, which a catalog cluster never has). A catalog
 * cluster with one of them needs no place in `credentialUrls`.
 */
export const CREDENTIAL_FREE_PROVIDERS: ReadonlySet<string> = new Set([
  'localKubectlProxy',
  'kubeconfig',
]);

/**
 * Built-in authProviders that always attach a credential: the backend's own (`aws`, `azure`,
 * `googleServiceAccount`, `serviceAccount`, `clientCertificate`) or the viewer's (`oidc`,
 * `google`, `aks`). For an untrusted catalog cluster their strategy is not even asked (no STS
 * AssumeRole of a role the entity names, no token fetched). Any other provider is asked, and its
 * credential refused unless it is none.
 */
export const CREDENTIAL_PROVIDERS: ReadonlySet<string> = new Set([
  'aws',
  'azure',
  'googleServiceAccount',
  'serviceAccount',
  'clientCertificate',
  'oidc',
  'google',
  'aks',
]);

/**
 * One entry of a catalog locator's `credentialUrls`: an HTTPS origin, whose host may be
 * `*.<domain>` (any name under that domain, not the domain itself).
 */
interface TrustedOrigin {
  hostname: string;
  wildcard: boolean;
  port: string;
}

/**
 * The API servers a platform engineer trusts with credentials among catalog clusters: the
 * backend's own (`aws`, `azure`, `googleServiceAccount`, a cacheCredential, any installed
 * strategy's token) and viewers' own tokens (`oidc`, `google`, `aks`).
 * `kubernetes.clusterLocatorMethods[].credentialUrls` of the `type: catalog` locator. Whoever may
 * register a catalog entity chooses a catalog cluster's URL, so without this list no credential
 * is sent to any catalog cluster.
 */
export class CredentialUrls {
  private constructor(private readonly origins: TrustedOrigin[]) {}

  /** Throws, naming `key[i]` and the rule, on an entry that is not an HTTPS origin. */
  static parse(values: string[] = [], key: string): CredentialUrls {
    return new CredentialUrls(
      values.map((value, i) => parseOrigin(value, `${key}[${i}]`)),
    );
  }

  /** Whether a credential may be sent to this API server URL. */
  trusts(url: URL): boolean {
    if (url.protocol !== 'https:') return false;
    const hostname = url.hostname.toLowerCase();
    const port = url.port || '443';
    return this.origins.some(
      o =>
        o.port === port &&
        (o.wildcard
          ? hostname.endsWith(`.${o.hostname}`)
          : hostname === o.hostname),
    );
  }
}

function parseOrigin(value: string, key: string): TrustedOrigin {
  const example =
    'an API server origin such as https://api.k8s.example.com:6443';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${key}: '${value}' is not a URL; write ${example}`);
  }
  if (url.protocol !== 'https:') {
    throw new Error(
      `${key}: '${value}' must use https: a credential must not cross the network in clear text`,
    );
  }
  if (
    url.username ||
    url.password ||
    url.pathname !== '/' ||
    url.search ||
    url.hash
  ) {
    throw new Error(
      `${key}: '${value}' must be an origin (scheme, host, optional port) without credentials, path or query; write ${example}`,
    );
  }
  const hostname = url.hostname.toLowerCase();
  const wildcard = hostname.startsWith('*.');
  const rest = wildcard ? hostname.slice(2) : hostname;
  if (!rest || rest.includes('*') || (wildcard && !rest.includes('.'))) {
    throw new Error(
      `${key}: '${value}': a wildcard may only be the whole first label of a name with at least two more, as in https://*.k8s.example.com`,
    );
  }
  return { hostname: rest, wildcard, port: url.port || '443' };
}
