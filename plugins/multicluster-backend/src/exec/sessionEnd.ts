import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { authorizeExec, ExecAuthorizer, ExecTarget } from './authorizeExec';
import { CLOSE, ExecEnd } from './execSession';

/**
 * The periodic re-check of an open terminal: the same decision as at the upgrade. Undefined
 * while the session may go on; 4403 once the permission (or the entity) is gone for the user,
 * 4404 once the pod or container is gone or no longer the entity's. Other errors are thrown.
 */
export async function sessionEnd(
  deps: ExecAuthorizer,
  target: ExecTarget,
  credentials: BackstageCredentials,
): Promise<ExecEnd | undefined> {
  try {
    await authorizeExec(deps, target, credentials);
    return undefined;
  } catch (error) {
    if (error instanceof NotAllowedError) {
      return { code: CLOSE.revoked, reason: 'access revoked' };
    }
    if (error instanceof NotFoundError || error instanceof InputError) {
      return { code: CLOSE.gone, reason: 'the pod or container is gone' };
    }
    throw error;
  }
}
