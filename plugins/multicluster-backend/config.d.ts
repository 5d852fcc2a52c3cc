/**
 * A duration, as `readDurationFromConfig` reads it: a string (`15m`, `30s`, ISO 8601) or an
 * object of units.
 */
type Duration =
  | string
  | {
      milliseconds?: number;
      seconds?: number;
      minutes?: number;
      hours?: number;
      days?: number;
    };

export interface Config {
  kubeplatform?: {
    /** The multi-cluster service view backend. */
    multicluster?: {
      /** Live updates over Server-Sent Events. */
      stream?: {
        /** A change after this much quiet (ms) is sent at once; the changes that follow it wait for this much quiet. Default 250. */
        debounceMs?: number;
        /** During constant change, a view is still sent at least this often. Default 1000. */
        maxWaitMs?: number;
        /** Interval of `: keepalive` comments. Default 15. */
        keepaliveSeconds?: number;
        /** Streams are closed after this long; the client reconnects. Default 30. */
        maxDurationMinutes?: number;
        /**
         * How often an open stream checks again that its viewer may still see the entity
         * (multicluster.view.read and catalog visibility); on loss the stream closes. More than 0,
         * at most 60. Default 60.
         */
        recheckAccessSeconds?: number;
        /** Open live view streams one user may hold; more are answered 429. Default 20. */
        maxPerUser?: number;
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
        /** Open `follow` streams one user may hold; more are answered 429. Default 5. */
        maxFollowsPerUser?: number;
      };
      /** Restart, scale and delete pod (docs/multicluster.md#actions-restart-scale-delete-pod). */
      actions?: {
        /** The largest replica count a scale may ask for, whatever an HPA allows. Default 100. */
        maxReplicas?: number;
        /** Time allowed for one write to a cluster. Default 10. */
        requestTimeoutSeconds?: number;
      };
      /** The pod terminal (docs/multicluster.md#pod-terminal). */
      exec?: {
        /** What every terminal runs in the container; the browser cannot choose it. Default ['/bin/sh']. */
        command?: string[];
        /** A session is closed after this long, busy or not. Default 15m. */
        maxDuration?: Duration;
        /** A session with no input for this long is closed. Default 5m. */
        idleTimeout?: Duration;
        /** How often the permission and the pod are checked again; at most 1m. Default 30s. */
        recheckInterval?: Duration;
        /** Browser origins allowed besides app.baseUrl's; other origins are refused. */
        allowedOrigins?: string[];
        /**
         * Terminals one user may hold open at once (per backend process); one more is closed
         * with code 4429 and a reason the terminal shows, and audited. Default 3.
         */
        maxSessionsPerUser?: number;
      };
      /** The Retry-After (seconds) of a 429 for too many open streams. Default 15. */
      retryAfterSeconds?: number;
      /**
       * The admin's bound on what an entity's annotations may match (docs/security.md#entity-scope).
       * Patterns are namespace names or prefixes ending in `*` (`team-*`). Without this, every
       * watched namespace is in scope.
       */
      entityScope?: {
        /** Namespaces entities may match in clusters that have no entry under `clusters`. */
        namespaces?: string[];
        /** Per cluster, the namespaces entities may match there. */
        clusters?: Array<{
          /** The cluster's name. */
          cluster: string;
          namespaces: string[];
        }>;
      };
    };
  };
}
