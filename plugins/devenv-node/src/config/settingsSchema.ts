import {
  durationSchema,
  parameterValueSchema,
} from '@kubeplatform/clusters-common';
import { z } from 'zod';

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
    /** Namespaces whose pods may reach this one, besides itself (ingress, monitoring, system). */
    allowFromNamespaces: z.array(z.string()).default([]),
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
    reaper: z
      .object({
        enabled: z.boolean().default(true),
        /** How often the reaper runs. */
        interval: durationSchema.default('1m'),
      })
      .strict()
      .default({ enabled: true, interval: '1m' }),
  })
  .strict();

export type DevenvSettings = z.output<typeof devenvSettingsSchema>;
export type QuotaPreset = z.output<typeof quotaPresetSchema>;
export type NamespaceClassConfig = z.output<typeof namespaceClassSchema>;
export type ResourceTemplateClassConfig = z.output<
  typeof resourceTemplateClassSchema
>;
export type EnvironmentClassConfig = z.output<
  typeof environmentClassConfigSchema
>;
