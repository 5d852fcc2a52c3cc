/**
 * One entry of a catalog locator's `viewerTokenUrls`: an HTTPS origin, whose host may be
 * `*.<domain>` (any name under that domain, not the domain itself).
 */
interface TrustedOrigin {
  hostname: string;
  wildcard: boolean;
  port: string;
}

/**
 * The API servers a platform engineer trusts with viewers' own tokens (`oidc`, `google`, `aks`)
 * among catalog clusters: `kubernetes.clusterLocatorMethods[].viewerTokenUrls` of the
 * `type: catalog` locator. Whoever may register a catalog entity chooses a catalog cluster's URL,
 * so without this list no viewer token is sent to any catalog cluster.
 */
export class ViewerTokenUrls {
  private constructor(private readonly origins: TrustedOrigin[]) {}

  /** Throws, naming `key[i]` and the rule, on an entry that is not an HTTPS origin. */
  static parse(values: string[] = [], key: string): ViewerTokenUrls {
    return new ViewerTokenUrls(
      values.map((value, i) => parseOrigin(value, `${key}[${i}]`)),
    );
  }

  /** Whether a viewer's token may be sent to this API server URL. */
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
      `${key}: '${value}' must use https: a viewer's token must not cross the network in clear text`,
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
