import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  AllowedActions,
  MulticlusterActionsApi,
  PodAddress,
} from './MulticlusterActionsApi';
import {
  EntityAddress,
  RequestOptions,
  WorkloadAddress,
} from './MulticlusterApi';

const segment = encodeURIComponent;

function entityPath({ kind, namespace, name }: EntityAddress): string {
  return `/entities/${segment(kind.toLocaleLowerCase('en-US'))}/${segment(
    namespace,
  )}/${segment(name)}`;
}

function workloadPath({ entity, cluster, workload }: WorkloadAddress): string {
  return `${entityPath(entity)}/clusters/${segment(
    cluster,
  )}/workloads/${segment(workload.kind)}/${segment(
    workload.namespace,
  )}/${segment(workload.name)}`;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? Reflect.get(value, key)
    : undefined;
}

/** Sends the actions with the signed-in user's credentials (via fetchApi). */
export class MulticlusterActionsClient implements MulticlusterActionsApi {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  async getAllowedActions(
    entity: EntityAddress,
    options?: RequestOptions,
  ): Promise<AllowedActions> {
    const body = await this.send(`${entityPath(entity)}/actions`, {
      signal: options?.signal,
      viewerAuth: options?.viewerAuth,
    });
    const allowed = (key: keyof AllowedActions) => ({
      allowed: field(field(body, key), 'allowed') === true,
    });
    return {
      restart: allowed('restart'),
      scale: allowed('scale'),
      deletePod: allowed('deletePod'),
    };
  }

  async restartWorkload(
    address: WorkloadAddress,
    options?: RequestOptions,
  ): Promise<{ restartedAt: string }> {
    const body = await this.send(`${workloadPath(address)}/restart`, {
      method: 'POST',
      body: {},
      ...options,
    });
    return { restartedAt: String(field(body, 'restartedAt') ?? '') };
  }

  async scaleWorkload(
    address: WorkloadAddress,
    replicas: number,
    options?: RequestOptions,
  ): Promise<{ replicas: number }> {
    const body = await this.send(`${workloadPath(address)}/scale`, {
      method: 'POST',
      body: { replicas },
      ...options,
    });
    return { replicas: Number(field(body, 'replicas')) };
  }

  async deletePod(
    { entity, cluster, pod }: PodAddress,
    options?: RequestOptions,
  ): Promise<void> {
    await this.send(
      `${entityPath(entity)}/clusters/${segment(cluster)}/pods/${segment(
        pod.namespace,
      )}/${segment(pod.name)}?uid=${segment(pod.uid)}`,
      { method: 'DELETE', ...options },
    );
  }

  private async send(
    path: string,
    init: { method?: string; body?: object } & RequestOptions,
  ): Promise<unknown> {
    const base = await this.options.discoveryApi.getBaseUrl('multicluster');
    const headers: Record<string, string> = {
      ...(await init.viewerAuth?.headers()),
      ...(init.body && { 'Content-Type': 'application/json' }),
    };
    const response = await this.options.fetchApi.fetch(`${base}${path}`, {
      method: init.method ?? 'GET',
      signal: init.signal,
      ...(Object.keys(headers).length && { headers }),
      ...(init.body && { body: JSON.stringify(init.body) }),
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response.json();
  }
}
