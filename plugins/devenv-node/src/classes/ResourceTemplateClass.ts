import type { KubernetesObject } from '@kubernetes/client-node';
import {
  EnvironmentClassSummary,
  EnvironmentConnection,
  EnvironmentRequest,
  EnvironmentState,
  parseDuration,
} from '@kubeplatform/clusters-common';
import { InputError } from '@backstage/errors';
import type { ResourceTemplateClassConfig } from '../config/settingsSchema';
import type { ClusterClient } from '../kube/ClusterClient';
import type { ObjectRef } from '../kube/objects';
import { renderTemplate } from './renderTemplate';
import { resolveCommon } from './resolveRequest';
import { EnvironmentClassBase } from './EnvironmentClassBase';
import type {
  EnvironmentMetadata,
  EnvironmentPlan,
  ProgressReporter,
  ResolvedRequest,
} from './types';

interface Condition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
}

function conditionsOf(object: KubernetesObject): Condition[] {
  const status = (object as { status?: { conditions?: unknown } }).status;
  return Array.isArray(status?.conditions)
    ? (status!.conditions as Condition[])
    : [];
}

const POLL_MS = 250;

/**
 * A class that renders one custom resource from a template in config (a Crossplane-style claim,
 * a vcluster request), applies it, and waits until a status condition holds.
 */
export class ResourceTemplateClass extends EnvironmentClassBase<ResourceTemplateClassConfig> {
  readonly type = 'resource-template' as const;

  protected offeredSizes(): string[] {
    return this.config.sizes ?? [];
  }

  protected capabilities(): Pick<
    EnvironmentClassSummary,
    'supportsSleep' | 'connection'
  > {
    return {
      // Sleeping scales the workloads of the environment's namespace, so only a class that
      // creates a namespace of its own (such as a vcluster's) can sleep.
      supportsSleep: this.config.createNamespace,
      connection: this.config.connection.type,
    };
  }

  resolve(request: EnvironmentRequest): ResolvedRequest {
    // A resource-template class has no quota presets unless it lists sizes itself.
    const common = resolveCommon(this.config, this.config.sizes ?? [], request);
    return {
      ...request,
      ...common,
      namespace: this.namespaceFor(request.name),
    };
  }

  private namespaceFor(name: string): string {
    return renderTemplate(this.config.namespace, { name });
  }

  anchorRef(name: string): ObjectRef {
    return {
      apiVersion: this.config.template.apiVersion,
      kind: this.config.template.kind,
      name,
      namespace: this.namespaceFor(name),
    };
  }

  claimedRefs(name: string): ObjectRef[] {
    const refs = [this.anchorRef(name)];
    if (this.config.createNamespace) {
      refs.unshift({
        apiVersion: 'v1',
        kind: 'Namespace',
        name: this.namespaceFor(name),
      });
    }
    return refs;
  }

  async plan(
    request: ResolvedRequest,
    metadata: EnvironmentMetadata,
  ): Promise<EnvironmentPlan> {
    const rendered = renderTemplate(this.config.template, {
      name: request.name,
      namespace: request.namespace,
      owner: request.owner,
      cluster: request.cluster,
      size: request.size ?? '',
      parameters: request.parameters,
    }) as KubernetesObject;
    if (!rendered.apiVersion || !rendered.kind) {
      throw new InputError(
        `class "${this.name}" template has no apiVersion or kind`,
      );
    }
    const resource: KubernetesObject = {
      ...rendered,
      metadata: {
        ...rendered.metadata,
        name: request.name,
        namespace: request.namespace,
        labels: { ...rendered.metadata?.labels, ...metadata.labels },
        annotations: {
          ...rendered.metadata?.annotations,
          ...metadata.annotations,
        },
      },
    };
    const objects: EnvironmentPlan['objects'] = [];
    if (this.config.createNamespace) {
      objects.push({
        mode: 'create',
        object: {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: { name: request.namespace, labels: metadata.labels },
        },
      });
    }
    objects.push({ mode: 'create', object: resource });
    return { anchor: this.anchorRef(request.name), objects };
  }

  async waitUntilReady(
    client: ClusterClient,
    anchor: ObjectRef,
    progress: ProgressReporter,
  ): Promise<KubernetesObject> {
    const { condition, timeout } = this.config.readiness;
    const deadline = Date.now() + parseDuration(timeout)!;
    let lastMessage = '';
    for (;;) {
      const current = await client.read(anchor);
      if (!current) {
        throw new Error(
          `${anchor.kind} ${anchor.namespace}/${anchor.name} disappeared while waiting for ${condition}`,
        );
      }
      const found = conditionsOf(current).find(c => c.type === condition);
      if (found?.status === 'True') {
        progress(`${anchor.kind} ${anchor.name} is ${condition}`);
        return current;
      }
      const message = found
        ? `${condition}=${found.status}${
            found.reason ? ` (${found.reason})` : ''
          }${found.message ? `: ${found.message}` : ''}`
        : `waiting for condition ${condition}`;
      if (message !== lastMessage) {
        progress(`${anchor.kind} ${anchor.name}: ${message}`);
        lastMessage = message;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `${anchor.kind} ${anchor.namespace}/${anchor.name} did not become ${condition} within ${timeout} (${message})`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, POLL_MS));
    }
  }

  protected isBeingDeleted(anchor: KubernetesObject): boolean {
    return !!anchor.metadata?.deletionTimestamp;
  }

  /** Ready once the configured condition holds on the custom resource. */
  protected readiness(anchor: KubernetesObject): EnvironmentState {
    const found = conditionsOf(anchor).find(
      c => c.type === this.config.readiness.condition,
    );
    if (found?.status === 'True') {
      return { status: 'ready' };
    }
    return {
      status: 'pending',
      message:
        found?.message ?? `waiting for ${this.config.readiness.condition}`,
    };
  }

  connectionOf(env: {
    name: string;
    cluster: string;
    namespace: string;
  }): EnvironmentConnection {
    const connection = this.config.connection;
    const variables = {
      name: env.name,
      namespace: env.namespace,
      cluster: env.cluster,
    };
    switch (connection.type) {
      case 'secret': {
        const name = renderTemplate(connection.secretName, variables);
        return {
          kind: 'secret',
          secretRef: { namespace: env.namespace, name },
          command: `kubectl -n ${env.namespace} get secret ${name} -o go-template='{{range $k, $v := .data}}{{$k}}={{$v | base64decode}}{{"\\n"}}{{end}}'`,
        };
      }
      case 'vcluster':
        return {
          kind: 'vcluster',
          namespace: env.namespace,
          command: renderTemplate(connection.command, variables),
        };
      default:
        return { kind: 'none' };
    }
  }

  deletionRefs(anchor: KubernetesObject): ObjectRef[] {
    return this.claimedRefs(anchor.metadata!.name!).reverse();
  }
}
