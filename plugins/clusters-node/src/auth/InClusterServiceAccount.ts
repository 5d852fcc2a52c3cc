import fs from 'node:fs';
import path from 'node:path';

/**
 * Where Kubernetes mounts a pod's service account.
 *
 * @public
 */
export const IN_CLUSTER_SERVICE_ACCOUNT_DIR =
  '/var/run/secrets/kubernetes.io/serviceaccount';

/**
 * The pod's own service account, which `authProvider: serviceAccount` falls back to when a
 * cluster has no `serviceAccountToken`, as `@backstage/plugin-kubernetes-backend` does: the mounted
 * token and CA, and the API server from `KUBERNETES_SERVICE_HOST` / `_PORT`.
 *
 * `KUBEPLATFORM_SERVICE_ACCOUNT_DIR` moves the mount, for tests outside a pod.
 *
 * @public
 */
export class InClusterServiceAccount {
  constructor(
    readonly tokenFile: string,
    readonly caFile: string,
    private readonly host: string | undefined,
    private readonly port: string | undefined,
  ) {}

  static fromEnvironment(
    env: NodeJS.ProcessEnv = process.env,
  ): InClusterServiceAccount {
    const dir =
      env.KUBEPLATFORM_SERVICE_ACCOUNT_DIR || IN_CLUSTER_SERVICE_ACCOUNT_DIR;
    return new InClusterServiceAccount(
      path.join(dir, 'token'),
      path.join(dir, 'ca.crt'),
      env.KUBERNETES_SERVICE_HOST,
      env.KUBERNETES_SERVICE_PORT,
    );
  }

  /** Why the backend cannot use it, or undefined when it runs in a cluster with a token. */
  unavailableReason(): string | undefined {
    if (!this.host || !this.port) {
      return 'the backend does not run in a cluster (KUBERNETES_SERVICE_HOST / KUBERNETES_SERVICE_PORT are not set)';
    }
    try {
      fs.accessSync(this.tokenFile, fs.constants.R_OK);
    } catch {
      return `the in-cluster service account token ${this.tokenFile} cannot be read`;
    }
    return undefined;
  }

  /** The API server the pod reaches, e.g. `https://10.96.0.1:443`. */
  apiServerUrl(): string | undefined {
    if (!this.host || !this.port) return undefined;
    const host = this.host.includes(':') ? `[${this.host}]` : this.host;
    return `https://${host}:${this.port}`;
  }

  /** The CA file, when mounted. */
  mountedCaFile(): string | undefined {
    return fs.existsSync(this.caFile) ? this.caFile : undefined;
  }

  /** Read on every call: projected tokens are rotated by the kubelet. */
  readToken(): string {
    return fs.readFileSync(this.tokenFile, 'utf8').trim();
  }
}
