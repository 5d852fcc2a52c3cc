import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/**
 * Refuses API server URLs taken from the catalog that point at private, loopback, link-local or
 * metadata addresses (SSRF), unless the host is allow-listed. Same rules as
 * @backstage/plugin-kubernetes-backend's catalog cluster locator.
 *
 * @public
 */
export async function validateClusterApiServerUrl(
  apiServerUrl: string | undefined,
  dangerouslyAllowClusterUrls: string[] = [],
): Promise<URL> {
  return (
    await checkClusterApiServer(apiServerUrl, dangerouslyAllowClusterUrls)
  ).url;
}

/** A catalog cluster's API server that passed the SSRF check. */
export interface CheckedApiServer {
  url: URL;
  /**
   * The address the check approved, when the URL names a host: connections must go there and
   * not to a fresh DNS answer, which a hostile name server could point inside the network.
   */
  connectAddress?: string;
}

/**
 * The SSRF check of `validateClusterApiServerUrl`, also returning the approved address of a
 * host name so the caller can pin its connections to it.
 */
export async function checkClusterApiServer(
  apiServerUrl: string | undefined,
  dangerouslyAllowClusterUrls: string[] = [],
): Promise<CheckedApiServer> {
  let url: URL;
  try {
    url = new URL(apiServerUrl ?? '');
  } catch {
    throw new Error('Kubernetes cluster API server URL is not a valid URL');
  }
  if (url.username || url.password) {
    throw new Error(
      'Kubernetes cluster API server URL must not contain credentials',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(
      'Kubernetes cluster API server URL must use the HTTP or HTTPS scheme',
    );
  }
  const hostname = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (dangerouslyAllowClusterUrls.some(p => hostnameMatches(hostname, p))) {
    return { url };
  }
  if (url.protocol !== 'https:') {
    throw new Error(
      'Kubernetes cluster API server URL must use the HTTPS scheme',
    );
  }
  if (ipaddr.isValid(hostname)) {
    if (isNonPublicIp(hostname)) {
      throw new Error(
        'Kubernetes cluster API server URL must not use a non-public IP address',
      );
    }
    return { url };
  }
  const addresses = await lookup(hostname, { all: true });
  if (addresses.some(a => isNonPublicIp(a.address))) {
    throw new Error(
      `Kubernetes cluster API server URL hostname "${hostname}" resolves to a non-public address`,
    );
  }
  if (addresses.length === 0) {
    throw new Error(
      `Kubernetes cluster API server URL hostname "${hostname}" does not resolve`,
    );
  }
  return { url, connectAddress: addresses[0].address };
}

function isNonPublicIp(ip: string): boolean {
  try {
    let addr = ipaddr.parse(ip);
    if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) {
      addr = (addr as ipaddr.IPv6).toIPv4Address();
    }
    return addr.range() !== 'unicast';
  } catch {
    return true;
  }
}

function hostnameMatches(hostname: string, pattern: string): boolean {
  const p = pattern.toLowerCase();
  if (p.startsWith('*.')) {
    return hostname.endsWith(p.slice(1)) || hostname === p.slice(2);
  }
  return hostname === p;
}
