import { NotFoundError } from '@backstage/errors';
import {
  Environment,
  EnvironmentClassSummary,
  EnvironmentClusterSummary,
  EnvironmentPatch,
  parseDuration,
} from '@kubeplatform/clusters-common';
import type { DevenvApi, EnvironmentList } from '../api';

/**
 * An in-memory devenv API that behaves like the backend for the calls the UI makes: extend
 * moves the expiry, sleep and wake change the status, delete removes the environment.
 */
export class FakeDevenvApi implements DevenvApi {
  readonly calls: string[] = [];
  environments: Environment[];

  constructor(
    environments: Environment[],
    private readonly extra: {
      errors?: EnvironmentList['errors'];
      clusters?: EnvironmentClusterSummary[];
      classes?: EnvironmentClassSummary[];
    } = {},
  ) {
    this.environments = environments.map(e => ({ ...e }));
  }

  async listEnvironments(filter: { owner?: string; cluster?: string } = {}) {
    this.calls.push('list');
    return {
      items: this.environments.filter(
        e =>
          (!filter.owner || e.owner === filter.owner) &&
          (!filter.cluster || e.cluster === filter.cluster),
      ),
      errors: this.extra.errors ?? [],
    };
  }

  async getEnvironment(cluster: string, name: string) {
    this.calls.push(`get ${cluster}/${name}`);
    return this.find(cluster, name);
  }

  async updateEnvironment(
    cluster: string,
    name: string,
    patch: EnvironmentPatch,
  ) {
    this.calls.push(`patch ${cluster}/${name} ${JSON.stringify(patch)}`);
    const env = this.find(cluster, name);
    if (patch.action === 'extend') {
      env.expiresAt = new Date(
        new Date(env.expiresAt).getTime() + parseDuration(patch.ttl)!,
      ).toISOString();
    } else {
      env.status = patch.action === 'sleep' ? 'sleeping' : 'ready';
    }
    return { ...env };
  }

  async deleteEnvironment(cluster: string, name: string) {
    this.calls.push(`delete ${cluster}/${name}`);
    this.find(cluster, name);
    this.environments = this.environments.filter(
      e => !(e.cluster === cluster && e.name === name),
    );
  }

  async listClasses() {
    return this.extra.classes ?? [];
  }

  async listClusters() {
    return this.extra.clusters ?? [];
  }

  private find(cluster: string, name: string): Environment {
    const env = this.environments.find(
      e => e.cluster === cluster && e.name === name,
    );
    if (!env) throw new NotFoundError(`No environment ${cluster}/${name}`);
    return env;
  }
}

/** An environment as the devenv API returns it, expiring `hoursLeft` hours from now. */
export function environment(
  overrides: Partial<Environment> & { name: string; owner: string },
  hoursLeft = 5,
): Environment {
  const cluster = overrides.cluster ?? 'dev-eu';
  return {
    ref: `${cluster}/${overrides.name}`,
    cluster,
    class: 'namespace',
    namespace: overrides.name,
    status: 'ready',
    expiresAt: new Date(
      Date.now() + hoursLeft * 3600_000 + 30_000,
    ).toISOString(),
    parameters: {},
    connection: {
      kind: 'kubeconfig',
      namespace: overrides.name,
      command: `curl -fsS -H "Authorization: Bearer $(backstage-token)" http://localhost:7007/api/devenv/environments/${cluster}/${overrides.name}/kubeconfig > ${overrides.name}.kubeconfig`,
    },
    ...overrides,
  };
}
