import type { AuditorServiceEvent } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';

/**
 * Runs a change to an environment inside an open auditor event, and closes the event with
 * success or with the error that refused or failed the change (which is then rethrown). The
 * REST API and the scaffolder actions both close their `environment-*` events this way.
 *
 * @public
 */
export async function runInAuditEvent<T>(
  event: AuditorServiceEvent,
  run: () => Promise<T>,
): Promise<T> {
  try {
    const result = await run();
    await event.success();
    return result;
  } catch (error) {
    await event.fail({
      error: isError(error) ? error : new Error(String(error)),
    });
    throw error;
  }
}
