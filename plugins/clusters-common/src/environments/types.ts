import type { ParameterValue, SleepSchedule } from './spec';

/**
 * - provisioning: a create is in flight;
 * - ready: usable;
 * - sleeping: workloads are scaled to zero;
 * - failed: a create failed and its rollback could not finish (the reaper retries);
 * - pending: a resource-template environment whose readiness condition does not hold yet;
 * - deleting: a delete was accepted and Kubernetes is removing the objects.
 *
 * @public
 */
export type EnvironmentStatus =
  | 'provisioning'
  | 'pending'
  | 'ready'
  | 'sleeping'
  | 'failed'
  | 'deleting';

/**
 * How to reach an environment. Never carries a token: credentials come from a separate call.
 *
 * @public
 */
export type EnvironmentConnection =
  | {
      kind: 'kubeconfig';
      namespace: string;
      /** A shell command that fetches a short-lived kubeconfig from the platform API. */
      command: string;
    }
  | { kind: 'vcluster'; namespace: string; command: string }
  | {
      kind: 'secret';
      secretRef: { namespace: string; name: string };
      command: string;
    }
  | { kind: 'none' };

/**
 * One environment as the platform API returns it. A type, not an interface: it is JSON on
 * the wire and in scaffolder checkpoints, and only a type alias is assignable to `JsonObject`.
 *
 * @public
 */
export type Environment = {
  /** `cluster/name`, unique across the fleet. */
  ref: string;
  name: string;
  cluster: string;
  class: string;
  /** Catalog ref of the owning User or Group. */
  owner: string;
  /** The namespace holding the environment (for resource-template classes, the claim's). */
  namespace: string;
  size?: string;
  status: EnvironmentStatus;
  /** The readiness condition's message, or why the environment failed. */
  message?: string;
  createdAt?: string;
  expiresAt: string;
  createdBy?: string;
  /** While sleeping: whether a person or the sleep schedule put it to sleep. */
  sleptBy?: 'manual' | 'schedule';
  sleepSchedule?: SleepSchedule;
  parameters: Record<string, ParameterValue>;
  connection: EnvironmentConnection;
};

/**
 * A parameter an environment class accepts.
 *
 * @public
 */
export interface ParameterDeclaration {
  type: 'boolean' | 'string' | 'number' | 'string-list';
  description?: string;
  default?: ParameterValue;
  /** Allowed values, for string parameters. */
  enum?: string[];
  required?: boolean;
}

/**
 * What `GET /classes` returns for each class.
 *
 * @public
 */
export interface EnvironmentClassSummary {
  name: string;
  title: string;
  description?: string;
  type: 'namespace' | 'resource-template';
  /** Clusters the class may be requested on; absent means every cluster. */
  clusters?: string[];
  sizes: string[];
  defaultSize?: string;
  ttl: { default: string; max: string };
  parameters: Record<string, ParameterDeclaration>;
  supportsSleep: boolean;
  connection: EnvironmentConnection['kind'];
}

/**
 * What `GET /clusters` returns: identities only, never credentials.
 *
 * @public
 */
export interface EnvironmentClusterSummary {
  name: string;
  title?: string;
  region?: string;
  environment?: string;
}
