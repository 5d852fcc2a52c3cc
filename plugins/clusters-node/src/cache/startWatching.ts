import { LoggerService } from '@backstage/backend-plugin-api';
import type { WatchCache } from './WatchCache';

/**
 * Starts the watch cache without waiting for it. Only its owner calls this: the clusters plugin
 * at init, or the watch cache service itself in a backend without that plugin. A cluster that
 * fails is reported in views, not here.
 *
 * @public
 */
export function startWatching(
  cache: Pick<WatchCache, 'start'>,
  logger: LoggerService,
): void {
  cache
    .start()
    .catch(error =>
      logger.error(
        `The watch cache could not read the cluster list: ${error.message}`,
      ),
    );
}
