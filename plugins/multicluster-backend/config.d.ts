export interface Config {
  kubeplatform?: {
    /** The multi-cluster service view backend. */
    multicluster?: {
      /** Live updates over Server-Sent Events. */
      stream?: {
        /** Quiet time after a cache change before a view is sent. Default 250. */
        debounceMs?: number;
        /** During constant change, a view is still sent at least this often. Default 1000. */
        maxWaitMs?: number;
        /** Interval of `: keepalive` comments. Default 15. */
        keepaliveSeconds?: number;
        /** Streams are closed after this long; the client reconnects. Default 30. */
        maxDurationMinutes?: number;
      };
      /** Container logs. */
      logs?: {
        /** Most bytes one log response carries. Default 2097152 (2 MiB). */
        maxBytes?: number;
        /** Longest a `follow` stream stays open. Default 300. */
        maxFollowSeconds?: number;
        /** Default 10. */
        requestTimeoutSeconds?: number;
        /** Largest tailLines accepted. Default 5000. */
        maxTailLines?: number;
      };
    };
  };
}
