export interface Config {
  kubeplatform?: {
    devenv?: {
      /**
       * Notifications to an environment's owner (through the notifications backend): before it
       * expires, when its sleep schedule puts it to sleep and when the reaper deletes it.
       */
      notifications?: {
        /** Default true. */
        enabled?: boolean;
        /**
         * How long before expiry the owner is told, one notice per lead time, as durations such
         * as 24h or 1h. Default ['24h', '1h'].
         */
        expiryLeadTimes?: string[];
        /** How often the expiry notices are looked for, a duration such as 5m (the default). */
        interval?: string;
      };
    };
  };
}
