import { parseNotificationSettings } from './readNotificationSettings';

describe('parseNotificationSettings', () => {
  it('defaults to on, 24 h and 1 h lead times, every 5 minutes', () => {
    expect(parseNotificationSettings({})).toEqual({
      enabled: true,
      expiryLeadTimes: [
        { text: '1h', ms: 3_600_000 },
        { text: '24h', ms: 86_400_000 },
      ],
      intervalMs: 300_000,
    });
  });

  it('reads configured values', () => {
    expect(
      parseNotificationSettings({
        enabled: false,
        expiryLeadTimes: ['30m'],
        interval: '10s',
      }),
    ).toEqual({
      enabled: false,
      expiryLeadTimes: [{ text: '30m', ms: 1_800_000 }],
      intervalMs: 10_000,
    });
  });

  it.each([
    [
      { expiryLeadTimes: ['soon'] },
      'Invalid kubeplatform.devenv.notifications config: expiryLeadTimes.0: must be a positive duration such as 30m, 8h or 7d',
    ],
    [
      { expiryLeadTimes: [] },
      'Invalid kubeplatform.devenv.notifications config: expiryLeadTimes: must name at least one lead time such as 1h',
    ],
    [
      { expiryLeadTimes: ['1h', '60m'] },
      'Invalid kubeplatform.devenv.notifications config: expiryLeadTimes: 1h and 60m are the same lead time',
    ],
    [
      { enabled: 'yes' },
      'Invalid kubeplatform.devenv.notifications config: enabled:',
    ],
    [{ leadTime: '1h' }, 'Invalid kubeplatform.devenv.notifications config:'],
  ])('refuses %j with a clear message', (raw, message) => {
    expect(() => parseNotificationSettings(raw)).toThrow(message);
  });
});
