import type { RootConfigService } from '@backstage/backend-plugin-api';
import {
  describeIssues,
  durationSchema,
  parseDuration,
} from '@kubeplatform/clusters-common';
import { z } from 'zod';

const notificationSettingsSchema = z
  .object({
    enabled: z.boolean().default(true),
    /** How long before an environment expires its owner hears of it; one notice per lead time. */
    expiryLeadTimes: z
      .array(durationSchema)
      .min(1, 'must name at least one lead time such as 1h')
      .default(['24h', '1h']),
    /** How often the scheduled task looks for environments about to expire. */
    interval: durationSchema.default('5m'),
  })
  .strict();

/**
 * `kubeplatform.devenv.notifications`, checked, with durations in milliseconds.
 *
 * @public
 */
export interface NotificationSettings {
  enabled: boolean;
  /** The configured lead times, shortest first. */
  expiryLeadTimes: Array<{ text: string; ms: number }>;
  intervalMs: number;
}

/** Reads and checks `kubeplatform.devenv.notifications`; a bad value stops the backend. */
export function readNotificationSettings(
  config: RootConfigService,
): NotificationSettings {
  return parseNotificationSettings(
    config.getOptional('kubeplatform.devenv.notifications') ?? {},
  );
}

export function parseNotificationSettings(raw: unknown): NotificationSettings {
  const parsed = notificationSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `Invalid kubeplatform.devenv.notifications config: ${describeIssues(
        parsed.error,
      )}`,
    );
  }
  const { enabled, expiryLeadTimes, interval } = parsed.data;
  const leadTimes = expiryLeadTimes
    .map(text => ({ text, ms: parseDuration(text)! }))
    .sort((a, b) => a.ms - b.ms);
  for (let i = 1; i < leadTimes.length; i++) {
    if (leadTimes[i].ms === leadTimes[i - 1].ms) {
      throw new Error(
        `Invalid kubeplatform.devenv.notifications config: expiryLeadTimes: ${
          leadTimes[i - 1].text
        } and ${leadTimes[i].text} are the same lead time`,
      );
    }
  }
  return {
    enabled,
    expiryLeadTimes: leadTimes,
    intervalMs: parseDuration(interval)!,
  };
}
