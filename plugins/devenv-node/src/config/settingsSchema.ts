import {
  durationSchema,
  parameterValueSchema,
} from '@kubeplatform/clusters-common';
import { z } from 'zod';

/**
 * Well-known platform namespaces; an environment of that name would squat on a platform role.
 *
 * @public
 */
export const DEFAULT_RESERVED_ENVIRONMENT_NAMES = [
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
  'ingress-nginx',
  'ingress',
  'monitoring',
  'observability',
  'logging',
  'cert-manager',
  'external-dns',
  'external-secrets',
  'flux-system',
  'argocd',
  'istio-system',
  'linkerd',
  'gatekeeper-system',
  'kyverno',
  'crossplane-system',
  'vault',
  'velero',
  'backstage',
  'kubeplatform',
] as const;

/**
 * Kinds an application usually needs; everything a workload owner may create with `edit`.
 *
 * @public
 */
export const DEFAULT_APPLY_KINDS = [
  'v1/ConfigMap',
  'v1/Secret',
  'v1/Service',
  'v1/ServiceAccount',
  'v1/PersistentVolumeClaim',
  'v1/Pod',
  'apps/v1/Deployment',
  'apps/v1/StatefulSet',
  'batch/v1/Job',
  'batch/v1/CronJob',
  'autoscaling/v1/HorizontalPodAutoscaler',
  'autoscaling/v2/HorizontalPodAutoscaler',
  'networking.k8s.io/v1/Ingress',
  'policy/v1/PodDisruptionBudget',
] as const;

const QUANTITY = /^[0-9]+(\.[0-9]+)?(m|k|Ki|M|Mi|G|Gi|T|Ti)?$/;
const quantity = z
  .string()
  .regex(QUANTITY, 'must be a Kubernetes quantity such as 500m or 4Gi');

/** A size a developer picks; it becomes the namespace's ResourceQuota and LimitRange. */
export const quotaPresetSchema = z
  .object({
    cpu: quantity,
    memory: quantity,
    pods: z.number().int().positive().max(1000),
    /** Services of type NodePort allowed in the namespace; a node port is shared with every tenant. */
    nodePorts: z.number().int().min(0).max(100).default(0),
    /** Services of type LoadBalancer allowed in the namespace; each one is a paid, public address. */
    loadBalancers: z.number().int().min(0).max(100).default(0),
    /** Per-container defaults when a pod sets no requests or limits. */
    containerDefaults: z
      .object({
        requestCpu: quantity.default('100m'),
        requestMemory: quantity.default('128Mi'),
        limitCpu: quantity.default('500m'),
        limitMemory: quantity.default('512Mi'),
      })
      .strict()
      .default({
        requestCpu: '100m',
        requestMemory: '128Mi',
        limitCpu: '500m',
        limitMemory: '512Mi',
      }),
  })
  .strict();

export const parameterDeclarationSchema = z
  .object({
    type: z.enum(['boolean', 'string', 'number', 'string-list']),
    description: z.string().optional(),
    default: parameterValueSchema.optional(),
    enum: z.array(z.string()).optional(),
    required: z.boolean().optional(),
  })
  .strict();

const classCommon = {
  name: z
    .string()
    .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/)
    .max(63),
  title: z.string().optional(),
  description: z.string().optional(),
  /** Clusters this class may be requested on. Default: every cluster. */
  clusters: z.array(z.string()).optional(),
  /** Sizes (quota preset names) allowed. Default: every preset. */
  sizes: z.array(z.string()).optional(),
  defaultSize: z.string().optional(),
  ttl: z
    .object({ default: durationSchema, max: durationSchema })
    .strict()
    .default({ default: '8h', max: '7d' }),
  parameters: z.record(z.string(), parameterDeclarationSchema).default({}),
};

export const namespaceClassSchema = z
  .object({
    ...classCommon,
    type: z.literal('namespace'),
    /**
     * Peers whose pods may reach this namespace, besides itself (ingress, monitoring). A peer is
     * a namespace the platform admin labelled `kubeplatform.io/network-peer: <name>`; a name
     * alone is never trusted, since anyone who can create a namespace can pick it.
     */
    allowFromNamespaces: z.array(z.string()).default([]),
    /** Pod Security Standard enforced on the namespace (`pod-security.kubernetes.io/enforce`). */
    podSecurity: z.enum(['baseline', 'restricted']).default('baseline'),
    /** CIDRs pods may reach besides DNS and their own namespace; all other egress is denied. */
    egressTo: z
      .array(
        z
          .string()
          .regex(
            /^[0-9a-fA-F.:]+\/[0-9]{1,3}$/,
            'must be a CIDR such as 10.0.0.0/8',
          ),
      )
      .default([]),
    /** The ClusterRole the owner's subjects get inside the namespace. */
    ownerClusterRole: z.string().default('edit'),
    /**
     * A folder of YAML manifests applied into the namespace; when the class declares a boolean
     * `installInfra` parameter, only if it is true.
     */
    infraManifests: z.string().optional(),
    /** Lifetime of the ServiceAccount token in a requested kubeconfig. */
    tokenTtl: durationSchema.default('1h'),
  })
  .strict();

export const resourceTemplateClassSchema = z
  .object({
    ...classCommon,
    type: z.literal('resource-template'),
    /** The namespace the resource lives in (may use `{{ name }}`). */
    namespace: z.string(),
    /** Create the namespace too (and delete it with the environment). */
    createNamespace: z.boolean().default(false),
    /** The custom resource to apply; string values may use `{{ name }}`, `{{ parameters.x }}`. */
    template: z
      .object({
        apiVersion: z.string(),
        kind: z.string(),
        metadata: z.record(z.string(), z.unknown()).optional(),
      })
      .passthrough(),
    readiness: z
      .object({
        /** The status condition type that must be True. */
        condition: z.string().default('Ready'),
        timeout: durationSchema.default('2m'),
      })
      .strict()
      .default({ condition: 'Ready', timeout: '2m' }),
    connection: z
      .discriminatedUnion('type', [
        z
          .object({ type: z.literal('secret'), secretName: z.string() })
          .strict(),
        z.object({ type: z.literal('vcluster'), command: z.string() }).strict(),
        z.object({ type: z.literal('none') }).strict(),
      ])
      .default({ type: 'none' }),
  })
  .strict();

export const environmentClassConfigSchema = z.discriminatedUnion('type', [
  namespaceClassSchema,
  resourceTemplateClassSchema,
]);

const subjectTemplateSchema = z
  .object({
    kind: z.enum(['User', 'Group']),
    /** `{{ name }}` and `{{ namespace }}` are the entity ref's parts. */
    name: z.string(),
  })
  .strict();

export const devenvSettingsSchema = z
  .object({
    sizes: z.record(z.string(), quotaPresetSchema).default({
      small: {
        cpu: '2',
        memory: '4Gi',
        pods: 20,
        nodePorts: 0,
        loadBalancers: 0,
        containerDefaults: {
          requestCpu: '100m',
          requestMemory: '128Mi',
          limitCpu: '500m',
          limitMemory: '512Mi',
        },
      },
    }),
    classes: z.array(environmentClassConfigSchema).default([]),
    /** How a catalog owner becomes Kubernetes RBAC subjects. */
    ownerSubjects: z
      .object({
        user: subjectTemplateSchema.default({
          kind: 'User',
          name: '{{ name }}',
        }),
        group: subjectTemplateSchema.default({
          kind: 'Group',
          name: '{{ name }}',
        }),
      })
      .strict()
      .default({
        user: { kind: 'User', name: '{{ name }}' },
        group: { kind: 'Group', name: '{{ name }}' },
      }),
    /** Catalog refs whose members manage every environment (used by the permission policy). */
    admins: z.array(z.string()).default([]),
    /**
     * Besides the permission policy, only owners, members of owning groups and admins may
     * change an environment. Turn off only when a permission policy enforces ownership.
     */
    enforceOwnership: z.boolean().default(true),
    catalog: z
      .object({
        /** Owner of the cluster Resources the catalog module publishes. */
        clusterOwner: z.string().default('group:default/platform-team'),
      })
      .strict()
      .default({ clusterOwner: 'group:default/platform-team' }),
    /**
     * Names no environment may take: the platform's own namespaces. Replaces the default list;
     * `default`, `kube-system`, `kube-public` and `kube-*` are refused whatever it says.
     */
    reservedNames: z
      .array(z.string())
      .default([...DEFAULT_RESERVED_ENVIRONMENT_NAMES]),
    /** How long any single call to a cluster may take before it counts as failed. */
    clusterTimeout: durationSchema.default('10s'),
    apply: z
      .object({
        /**
         * What `kubeplatform:devenv:apply` may write, as `apiVersion/Kind` (`v1/ConfigMap`,
         * `apps/v1/Deployment`). Anchor kinds and cluster-scoped kinds are refused regardless.
         */
        allowedKinds: z
          .array(z.string().regex(/^([a-z0-9.-]+\/)?v[0-9a-z]+\/[A-Za-z0-9]+$/))
          .default([...DEFAULT_APPLY_KINDS]),
      })
      .strict()
      .default({ allowedKinds: [...DEFAULT_APPLY_KINDS] }),
    list: z
      .object({
        /**
         * Who sees an environment in the list: `all` (everyone with `devenv.read`) or `owned`
         * (its owners, members of its owning group, admins and backend services).
         */
        visibility: z.enum(['all', 'owned']).default('all'),
      })
      .strict()
      .default({ visibility: 'all' }),
    reaper: z
      .object({
        enabled: z.boolean().default(true),
        /** How often the reaper runs. */
        interval: durationSchema.default('1m'),
      })
      .strict()
      .default({ enabled: true, interval: '1m' }),
    /** Owner notifications: read and checked by the devenv backend plugin, which sends them. */
    notifications: z.unknown().optional(),
    /** Read by the devenv frontend plugin (the service page's "Request an environment" card). */
    requestTemplatePath: z.string().optional(),
  })
  .strict();

/** @public */
export type DevenvSettings = z.output<typeof devenvSettingsSchema>;
/** @public */
export type QuotaPreset = z.output<typeof quotaPresetSchema>;
/** @public */
export type NamespaceClassConfig = z.output<typeof namespaceClassSchema>;
/** @public */
export type ResourceTemplateClassConfig = z.output<
  typeof resourceTemplateClassSchema
>;
/** @public */
export type EnvironmentClassConfig = z.output<
  typeof environmentClassConfigSchema
>;
