import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  V1Secret,
} from '@kubernetes/client-node';
import {
  ENVIRONMENT_CLUSTER,
  ENVIRONMENT_GROUP,
  ENVIRONMENT_PLURAL,
  ENVIRONMENT_VERSION,
} from './environmentCrd';

/** The fields of an Environment claim the simulator reads and writes. */
export interface EnvironmentClaim {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace: string;
    uid: string;
    generation?: number;
    deletionTimestamp?: string;
    creationTimestamp?: string;
    resourceVersion?: string;
  };
  spec?: {
    compositionSelector?: { matchLabels?: Record<string, string> };
    parameters?: { installInfra?: boolean; [key: string]: unknown };
    writeConnectionSecretToRef?: { name: string };
  };
  status?: {
    conditions?: {
      type: string;
      status: string;
      reason?: string;
      message?: string;
    }[];
    [key: string]: unknown;
  };
}

/** How long the simulated composition takes to "provision", so the UI can show progress. */
export const PROVISIONING_DELAY_MS = 3000;

export function connectionSecretName(claim: EnvironmentClaim): string {
  return (
    claim.spec?.writeConnectionSecretToRef?.name ??
    `${claim.metadata.name}-connection`
  );
}

export function isReady(claim: EnvironmentClaim): boolean {
  return !!claim.status?.conditions?.some(
    c => c.type === 'Ready' && c.status === 'True',
  );
}

/** The connection details a Crossplane composition would publish for this environment. */
export function connectionDetails(
  claim: EnvironmentClaim,
): Record<string, string> {
  const { name, namespace } = claim.metadata;
  return {
    url: `https://${name}.${namespace}.${ENVIRONMENT_CLUSTER}.kubeplatform.local`,
    namespace: `${namespace}-${name}`,
    cluster: ENVIRONMENT_CLUSTER,
    installInfra: String(claim.spec?.parameters?.installInfra ?? false),
  };
}

function compositionName(claim: EnvironmentClaim): string {
  const type = claim.spec?.compositionSelector?.matchLabels?.type ?? 'default';
  return `environment-${type}`;
}

/**
 * Acts as the platform's Composition for Environment claims: first marks a new claim Synced
 * and provisioning, then publishes its connection Secret and marks it Ready. In production a
 * Crossplane Composition does this work.
 */
export class EnvironmentCompositionSimulator {
  private readonly core: CoreV1Api;
  private readonly custom: CustomObjectsApi;

  constructor(
    kc: KubeConfig,
    private readonly log: (line: string) => void,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.core = kc.makeApiClient(CoreV1Api);
    this.custom = kc.makeApiClient(CustomObjectsApi);
  }

  /** Lists every claim and moves each one step forward. */
  async reconcileAll(): Promise<void> {
    const list = (await this.custom.listClusterCustomObject({
      group: ENVIRONMENT_GROUP,
      version: ENVIRONMENT_VERSION,
      plural: ENVIRONMENT_PLURAL,
    })) as { items: EnvironmentClaim[] };
    for (const claim of list.items) {
      try {
        await this.reconcile(claim);
      } catch (error) {
        const e = error as { code?: number; message?: string };
        // A 409 means someone changed the claim meanwhile; the next pass sees the new version.
        if (e.code !== 409) {
          this.log(
            `claim ${claim.metadata.namespace}/${claim.metadata.name}: ${
              e.code ?? ''
            } ${e.message ?? error}`,
          );
        }
      }
    }
  }

  async reconcile(claim: EnvironmentClaim): Promise<void> {
    if (claim.metadata.deletionTimestamp || isReady(claim)) return;
    const conditions = claim.status?.conditions ?? [];
    const now = this.now().toISOString();
    const synced = conditions.find(c => c.type === 'Synced');
    if (!synced) {
      await this.writeStatus(claim, {
        compositionRef: { name: compositionName(claim) },
        conditions: [
          {
            type: 'Synced',
            status: 'True',
            reason: 'ReconcileSuccess',
            lastTransitionTime: now,
          },
          {
            type: 'Ready',
            status: 'False',
            reason: 'Creating',
            message: 'composite resources are being created',
            lastTransitionTime: now,
          },
        ],
      });
      this.log(
        `claim ${claim.metadata.namespace}/${claim.metadata.name}: Synced, creating`,
      );
      return;
    }
    const since = Date.parse(
      (synced as { lastTransitionTime?: string }).lastTransitionTime ?? now,
    );
    if (this.now().getTime() - since < PROVISIONING_DELAY_MS) return;

    const secretName = connectionSecretName(claim);
    await this.publishSecret(claim, secretName);
    await this.writeStatus(claim, {
      ...claim.status,
      compositionRef: { name: compositionName(claim) },
      connectionSecretRef: {
        name: secretName,
        namespace: claim.metadata.namespace,
      },
      connectionDetails: { lastPublishedTime: now },
      url: connectionDetails(claim).url,
      conditions: [
        synced,
        {
          type: 'Ready',
          status: 'True',
          reason: 'Available',
          lastTransitionTime: now,
        },
      ],
    });
    this.log(
      `claim ${claim.metadata.namespace}/${claim.metadata.name}: Ready, secret ${secretName}`,
    );
  }

  private async publishSecret(
    claim: EnvironmentClaim,
    name: string,
  ): Promise<void> {
    const body: V1Secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'connection.crossplane.io/v1alpha1',
      metadata: {
        name,
        namespace: claim.metadata.namespace,
        labels: { 'kubeplatform.io/environment-claim': claim.metadata.name },
        ownerReferences: [
          {
            apiVersion: claim.apiVersion,
            kind: claim.kind,
            name: claim.metadata.name,
            uid: claim.metadata.uid,
            controller: true,
          },
        ],
      },
      stringData: connectionDetails(claim),
    };
    try {
      await this.core.createNamespacedSecret({
        namespace: claim.metadata.namespace,
        body,
      });
    } catch (error) {
      if ((error as { code?: number }).code !== 409) throw error;
    }
  }

  private async writeStatus(
    claim: EnvironmentClaim,
    status: Record<string, unknown>,
  ) {
    await this.custom.replaceNamespacedCustomObjectStatus({
      group: ENVIRONMENT_GROUP,
      version: ENVIRONMENT_VERSION,
      plural: ENVIRONMENT_PLURAL,
      namespace: claim.metadata.namespace,
      name: claim.metadata.name,
      body: { ...claim, status },
    });
  }
}
