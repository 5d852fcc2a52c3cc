import { LoggerService } from '@backstage/backend-plugin-api';

/**
 * A logger that drops everything: for upstream classes that must be given one (Azure's token
 * fetches, the GKE supplier) when the caller passed none.
 */
export const silentLogger: LoggerService = {
  error: () => {},
  warn: () => {},
  info: () => {},
  debug: () => {},
  child: () => silentLogger,
};
