export interface Config {
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
    }>;
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
    };
  };
}
