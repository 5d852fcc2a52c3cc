import type {
  AuditorService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { runInAuditEvent } from '@kubeplatform/plugin-devenv-node';

/** Who started the task: a user's entity ref, or a service's subject. */
function actorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  return principal.userEntityRef ?? principal.subject ?? 'unknown';
}

/**
 * Runs a scaffolder change to an environment inside an auditor event: created once the input
 * is valid, closed with success or with the error that refused or failed it. The same event
 * ids as the REST API, with `via: scaffolder`.
 */
export async function auditedChange<T>(
  options: {
    auditor: AuditorService;
    action: 'create' | 'delete' | 'apply';
    credentials: BackstageCredentials;
    cluster: string;
    environment: string;
  },
  run: () => Promise<T>,
): Promise<T> {
  const { auditor, action, credentials, cluster, environment } = options;
  const event = await auditor.createEvent({
    eventId: `environment-${action}`,
    meta: {
      cluster,
      environment,
      actor: actorOf(credentials),
      via: 'scaffolder',
    },
  });
  return runInAuditEvent(event, run);
}
