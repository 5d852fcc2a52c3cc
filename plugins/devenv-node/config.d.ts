/**
 * Configuration of Kubeplatform's development environments, read by this package (the
 * provisioner service and the access policy). At startup it is checked with the zod schema in
 * src/config/settingsSchema.ts, which gives the detailed messages; this file documents every
 * key and lets `backstage-cli config:check` see it.
 */
export interface Config {
  kubeplatform?: {
    devenv?: {
      /** Quota presets, by name: what a request's `size` selects. */
      sizes?: {
        [name: string]: {
          /** ResourceQuota CPU, such as '2'. */
          cpu: string | number;
          /** ResourceQuota memory, such as 4Gi. */
          memory: string;
          /** Most pods in the environment. */
          pods: number;
          /** Services of type NodePort allowed; default 0. */
          nodePorts?: number;
          /** Services of type LoadBalancer allowed; default 0. */
          loadBalancers?: number;
          /** LimitRange defaults for containers that set none. */
          containerDefaults?: {
            requestCpu?: string;
            requestMemory?: string;
            limitCpu?: string;
            limitMemory?: string;
          };
        };
      };
      /**
       * How a catalog owner becomes the RBAC subject of the environment's RoleBinding;
       * `{{ name }}` is the owner's entity name.
       */
      ownerSubjects?: {
        user?: { kind: string; name: string };
        group?: { kind: string; name: string };
      };
      /** Entity refs (users or groups) that manage every environment. */
      admins?: string[];
      /** When true, only owners (and admins) may extend, sleep, wake or delete. */
      enforceOwnership?: boolean;
      /**
       * Names no environment may take (the platform's namespaces: ingress-nginx, monitoring,
       * cert-manager, …). Replaces the default list; kube-* and default are always refused.
       */
      reservedNames?: string[];
      /** How long any single call to a cluster may take; default 10s. */
      clusterTimeout?: string;
      /** What kubeplatform:devenv:apply may write. */
      apply?: {
        /** `apiVersion/Kind` entries such as apps/v1/Deployment; default: common app workloads. */
        allowedKinds?: string[];
      };
      /** Who sees environments in the list. */
      list?: {
        /** `all` (everyone with devenv.read; the default) or `owned` (owners and admins). */
        visibility?: 'all' | 'owned';
      };
      /** The scheduled task that deletes expired environments and applies sleep schedules. */
      reaper?: {
        enabled?: boolean;
        /** A duration such as 1m. */
        interval?: string;
      };
      /** Catalog entity provider settings. */
      catalog?: {
        /** Owner of the cluster Resources the provider emits. */
        clusterOwner?: string;
      };
      /** Environment classes offered to developers, like compositions. */
      classes?: Array<{
        name: string;
        /** `namespace` (built in) or `resource-template`. */
        type: string;
        title?: string;
        description?: string;
        /** Clusters that offer the class; default every cluster. */
        clusters?: string[];
        /** Size presets the class allows; default every preset. */
        sizes?: string[];
        defaultSize?: string;
        /** Time to live: `default` and `max` durations such as 8h or 7d. */
        ttl?: { default?: string; max?: string };
        /**
         * Peers allowed through the environment's NetworkPolicy: namespaces the admin labelled
         * `kubeplatform.io/network-peer: <name>` (never trusted by namespace name).
         */
        allowFromNamespaces?: string[];
        /** Pod Security Standard enforced on the namespace: baseline (default) or restricted. */
        podSecurity?: 'baseline' | 'restricted';
        /** CIDRs pods may reach besides DNS and their own namespace; default none. */
        egressTo?: string[];
        /** ClusterRole the owner gets in the environment's namespace; default edit. */
        ownerClusterRole?: string;
        /** Folder of manifests applied into the namespace, relative to the backend's cwd. */
        infraManifests?: string;
        /** Lifetime of the TokenRequest behind a namespace-scoped kubeconfig. */
        tokenTtl?: string;
        /** Parameters a request may send, each with a type and an optional default. */
        parameters?: {
          [name: string]: {
            /** boolean, string, number or string-list. */
            type: string;
            default?: boolean | string | number | string[];
            enum?: string[];
            required?: boolean;
            description?: string;
          };
        };
        /** resource-template classes: the namespace the resource goes to (may use {{ name }}). */
        namespace?: string;
        createNamespace?: boolean;
        /** resource-template classes: the custom resource, with {{ placeholders }}. */
        template?: { [key: string]: any };
        /** resource-template classes: the condition to wait for, and how long. */
        readiness?: { condition?: string; timeout?: string };
        /** How the connect command is built: kubeconfig, vcluster, or a secret ref. */
        connection?: { [key: string]: any };
      }>;
    };
  };
}
