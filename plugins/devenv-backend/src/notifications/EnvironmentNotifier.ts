import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Environment } from '@kubeplatform/clusters-common';
import type {
  EnvironmentProvisioner,
  ReapReport,
} from '@kubeplatform/plugin-devenv-node';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import {
  dueExpiryNotices,
  EnvironmentNotice,
  reaperNotices,
} from './environmentNotices';
import { noticePayload } from './noticePayload';
import type { NotificationSettings } from './readNotificationSettings';
import type { SentNotifications } from './SentNotifications';

/**
 * Tells environment owners, through the notifications backend, that an environment is about
 * to expire, was put to sleep or was reaped. Each notice is claimed in the database before it
 * is sent, so it goes out once however many replicas or runs see it.
 */
export class EnvironmentNotifier {
  constructor(
    private readonly options: {
      provisioner: Pick<EnvironmentProvisioner, 'list'>;
      notifications: NotificationService;
      sent: SentNotifications;
      settings: Pick<NotificationSettings, 'expiryLeadTimes'>;
      logger: LoggerService;
    },
  ) {}

  /** Sends the expiry notices due now; returns how many this call sent. */
  async notifyExpiring(now: Date = new Date()): Promise<number> {
    const { provisioner, settings, logger } = this.options;
    const { items, errors } = await provisioner.list();
    for (const error of errors) {
      logger.warn(
        `Expiry notices skip cluster ${error.cluster}: ${error.message}`,
      );
    }
    return this.send(
      dueExpiryNotices(items, settings.expiryLeadTimes, now),
      now,
    );
  }

  /** Sends the notices for one reaper pass, given the environments it saw before acting. */
  async notifyReaped(
    report: ReapReport,
    before: Environment[],
    now: Date = new Date(),
  ): Promise<number> {
    return this.send(reaperNotices(report, before, now), now);
  }

  private async send(notices: EnvironmentNotice[], now: Date): Promise<number> {
    const { notifications, sent, logger } = this.options;
    let count = 0;
    for (const notice of notices) {
      const { owner, ref } = notice.environment;
      const claim = await sent.claim(notice, now);
      if (!claim) {
        continue;
      }
      try {
        await notifications.send({
          recipients: { type: 'entity', entityRef: owner },
          payload: noticePayload(notice),
        });
        count++;
      } catch (error) {
        logger.warn(
          `Could not notify ${owner} that ${ref} is ${notice.kind}: ${
            (error as Error).message
          }`,
        );
        await sent.release(notice.key, claim);
      }
    }
    return count;
  }
}
