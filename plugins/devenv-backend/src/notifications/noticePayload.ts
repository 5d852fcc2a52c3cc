import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import type { EnvironmentNotice } from './environmentNotices';

/** Where every notice points: the app's Environments page. */
export const ENVIRONMENTS_PAGE_LINK = '/devenv';

/** Notifications topic of every devenv notice, for filtering in the notifications page. */
export const DEVENV_NOTIFICATION_TOPIC = 'devenv';

/** "1 h 5 min", "12 min", "under a minute": how long an owner has left. */
export function describeRemaining(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) {
    return 'under a minute';
  }
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [
    days ? `${days} d` : '',
    hours ? `${hours} h` : '',
    rest && !days ? `${rest} min` : '',
  ].filter(Boolean);
  return parts.join(' ');
}

/** What the owner reads, with a link to the Environments page. */
export function noticePayload(
  notice: EnvironmentNotice,
): NotificationSendOptions['payload'] {
  const { ref, expiresAt } = notice.environment;
  const common = {
    link: ENVIRONMENTS_PAGE_LINK,
    topic: DEVENV_NOTIFICATION_TOPIC,
    metadata: { environment: ref, notice: notice.kind },
  };
  if (notice.kind === 'expiring') {
    return {
      ...common,
      title: `Environment ${ref} expires in ${describeRemaining(
        notice.remainingMs,
      )}`,
      description: `It will be deleted at ${expiresAt}. Extend it on the Environments page if you still need it.`,
      severity: notice.last ? 'high' : 'normal',
    };
  }
  if (notice.kind === 'slept') {
    return {
      ...common,
      title: `Environment ${ref} was put to sleep`,
      description:
        'Its sleep schedule scaled its workloads to zero. Wake it on the Environments page.',
      severity: 'low',
    };
  }
  return {
    ...common,
    title: `Environment ${ref} was deleted`,
    description: `It expired at ${expiresAt} and the reaper deleted it.`,
    severity: 'normal',
  };
}
