import https from 'node:https';
import type { LocalCluster } from '@kubeplatform/local-clusters';

/**
 * One request to a local cluster's apiserver as its admin (client certificate, from the fleet's
 * kubeconfig through @kubernetes/client-node), as `kubectl` would make it. Admin requests are
 * not in the apiserver audit log, which records service accounts only: the replicas' requests
 * stay countable.
 */
export async function adminRequest(
  cluster: LocalCluster,
  method: string,
  path: string,
  body?: { contentType: string; value: unknown },
): Promise<{ status: number; body: any }> {
  const options: https.RequestOptions = {};
  await cluster.kubeConfig().applyToHTTPSOptions(options);
  const url = new URL(path, cluster.server);
  return new Promise((resolve, reject) => {
    const request = https.request(
      url,
      {
        ...options,
        method,
        timeout: 10_000,
        headers: {
          ...options.headers,
          Accept: 'application/json',
          ...(body ? { 'Content-Type': body.contentType } : {}),
        },
      },
      response => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', chunk => (text += chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: text ? JSON.parse(text) : undefined,
          }),
        );
      },
    );
    request.on('timeout', () =>
      request.destroy(new Error(`${method} ${url} timed out`)),
    );
    request.on('error', reject);
    request.end(body ? JSON.stringify(body.value) : undefined);
  });
}

/** `kubectl scale deployment/<name> --replicas=<n>`: a merge patch of the scale subresource. */
export async function scaleDeployment(
  cluster: LocalCluster,
  namespace: string,
  name: string,
  replicas: number,
): Promise<void> {
  const answer = await adminRequest(
    cluster,
    'PATCH',
    `/apis/apps/v1/namespaces/${namespace}/deployments/${name}/scale`,
    {
      contentType: 'application/merge-patch+json',
      value: { spec: { replicas } },
    },
  );
  if (answer.status !== 200) {
    throw new Error(
      `scaling ${namespace}/${name} on ${cluster.name} answered ${answer.status}`,
    );
  }
}

/** The namespace as the cluster holds it now, or undefined when there is none. */
export async function readNamespace(
  cluster: LocalCluster,
  name: string,
): Promise<any | undefined> {
  const answer = await adminRequest(
    cluster,
    'GET',
    `/api/v1/namespaces/${name}`,
  );
  if (answer.status === 404) return undefined;
  if (answer.status !== 200) {
    throw new Error(`reading namespace ${name} answered ${answer.status}`);
  }
  return answer.body;
}
