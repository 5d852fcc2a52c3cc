import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { environmentPath } from './DevenvClient';

/**
 * Issues a kubeconfig for an environment with the signed-in user's own Backstage session
 * (`fetchApi` adds the user's token), and returns the YAML file's text. Internal: the
 * Download kubeconfig button is its only caller.
 */
export async function fetchKubeconfigYaml(
  apis: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  cluster: string,
  name: string,
): Promise<string> {
  const baseUrl = await apis.discoveryApi.getBaseUrl('devenv');
  const response = await apis.fetchApi.fetch(
    `${baseUrl}${environmentPath(cluster, name)}/kubeconfig?format=yaml`,
    { method: 'POST' },
  );
  if (!response.ok) {
    throw await ResponseError.fromResponse(response);
  }
  return response.text();
}

/** The file name a downloaded kubeconfig is saved as. */
export function kubeconfigFileName(cluster: string, name: string): string {
  return `${name}.${cluster}.kubeconfig.yaml`;
}
