export interface Config {
  kubernetes?: {
    /**
     * Upstream's cluster locators (@backstage/plugin-kubernetes-backend declares their other
     * keys); Kubeplatform adds one to the `type: catalog` locator.
     */
    clusterLocatorMethods?: Array<{
      type: string;
      /**
       * For `type: catalog`: HTTPS origins (`https://host[:port]`; the host may be `*.domain`,
       * any name under that domain) of catalog clusters that may be sent a credential: the
       * backend's own (authProvider `aws`, `azure`, `googleServiceAccount`, any installed
       * strategy's token, a `kubeplatform.clusters[].cacheCredential`) or viewers' own tokens
       * (`oidc`, `google`, `aks`). Whoever may register a catalog entity chooses its API server
       * URL, so a catalog cluster whose origin is not listed is sent no credential and is shown
       * as unauthorized; one reached with none (`localKubectlProxy`) is unaffected. Clusters of
       * the other locators are not affected. Default: none.
       */
      credentialUrls?: string[];
    }>;
  };
  kubeplatform?: {
    /**
     * Per-cluster metadata, merged by name onto clusters from any source
     * (kubernetes.clusterLocatorMethods, the catalog, the kubeconfig file).
     */
    clusters?: Array<{
      /** The cluster's name, as its source defines it. */
      name: string;
      /** @visibility frontend */
      title?: string;
      /** e.g. `us-east-1`. @visibility frontend */
      region?: string;
      /** e.g. `production`. @visibility frontend */
      environment?: string;
      /**
       * Namespaces to watch. Empty or absent means cluster-wide; set it when the service
       * account has no cluster-wide read rights.
       */
      namespaces?: string[];
      /** @visibility frontend */
      dashboardUrl?: string;
      /** Overrides kubeplatform.watchCache.requestTimeoutSeconds for this cluster. */
      requestTimeoutSeconds?: number;
      /**
       * For a cluster with a user-level authProvider (`oidc`, `google`, `aks`): the service
       * credential the shared watch cache reads it with. Every view of the cluster is
       * additionally checked with the viewer's own token (SelfSubjectAccessReview). Without it
       * such a cluster is listed as needing configuration and not read.
       */
      cacheCredential?: {
        /** A service-level authProvider, e.g. `serviceAccount`, `clientCertificate`, `aws`. */
        authProvider: string;
        /** @visibility secret */
        serviceAccountToken?: string;
        /** @visibility secret */
        clientCertData?: string;
        /** @visibility secret */
        clientKeyData?: string;
        clientCertFile?: string;
        clientKeyFile?: string;
        assumeRole?: string;
        externalId?: string;
      };
    }>;
    /** The per-viewer access check of user-level clusters. */
    viewerAccess?: {
      /** How long an access answer is reused for the same token. Default 30, at most 300. */
      cacheSeconds?: number;
      /** Time allowed for one SelfSubjectAccessReview. Default 5. */
      requestTimeoutSeconds?: number;
    };
    /** A kubeconfig file as a cluster source, one cluster per context; for local use. */
    kubeconfig?: {
      path: string;
      /** Only these contexts; all when absent. */
      contexts?: string[];
    };
    /** Tuning of the watch cache. */
    watchCache?: {
      /** Time allowed for a list call or for a watch to be accepted. Default 10. */
      requestTimeoutSeconds?: number;
      /** How long one watch request lasts before it is re-opened. Default 300. */
      watchTimeoutSeconds?: number;
      /** Page size of list calls. Default 500. */
      listPageSize?: number;
      /** First reconnect delay after a failure; doubles up to backoffMaxSeconds. Default 1. */
      backoffBaseSeconds?: number;
      /** Default 30. */
      backoffMaxSeconds?: number;
      /** Retry interval after 401 or 403. Default 300. */
      deniedRetrySeconds?: number;
      /** Most events (Normal and Warning; the name predates Normal events) kept per cluster. Default 1000. */
      maxWarningEvents?: number;
      /** Older events are dropped. Default 60. */
      maxWarningEventAgeMinutes?: number;
      /** Most events kept about one object (pod, ReplicaSet, workload, autoscaler). Default 20. */
      maxEventsPerObject?: number;
      /**
       * How often each cluster is probed with GET /version, so that a cluster that stops
       * answering with watches open is reported within seconds. 0 disables. Default 30.
       */
      healthCheckSeconds?: number;
      /** How often the cluster list is re-read (catalog clusters). Default 60. */
      clusterRefreshSeconds?: number;
      /**
       * How often each cluster's pod metrics (`metrics.k8s.io/v1beta1` PodMetrics) are read;
       * metrics have no watch. 0 turns them off. A cluster with upstream's `skipMetricsLookup`
       * (or the catalog annotation `kubernetes.io/skip-metrics-lookup: 'true'`) is never asked.
       * Default 30.
       */
      metricsIntervalSeconds?: number;
    };
  };
}
