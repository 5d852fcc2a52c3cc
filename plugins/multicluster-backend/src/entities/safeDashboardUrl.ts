import type { ClusterIdentity } from '@kubeplatform/clusters-common';

/**
 * The cluster identity a browser may render: a dashboard URL is kept only when it is an
 * absolute http(s) URL, because it becomes a link (a `javascript:` or `data:` URL would run in
 * the viewer's session). Cluster metadata can come from catalog entities anyone may register.
 */
export function withSafeDashboardUrl(
  identity: ClusterIdentity,
): ClusterIdentity {
  if (identity.dashboardUrl === undefined || isHttpUrl(identity.dashboardUrl))
    return identity;
  const { dashboardUrl: _dropped, ...rest } = identity;
  return rest;
}

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
