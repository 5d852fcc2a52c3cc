import { isInSleepWindow } from './sleepWindow';

describe('isInSleepWindow', () => {
  const overnight = { sleepAt: '19:00', wakeAt: '08:00', timezone: 'UTC' };

  it('sleeps across midnight and wakes in the morning', () => {
    expect(isInSleepWindow(overnight, new Date('2026-01-05T20:00:00Z'))).toBe(
      true,
    );
    expect(isInSleepWindow(overnight, new Date('2026-01-06T07:59:00Z'))).toBe(
      true,
    );
    expect(isInSleepWindow(overnight, new Date('2026-01-06T08:00:00Z'))).toBe(
      false,
    );
    expect(isInSleepWindow(overnight, new Date('2026-01-06T18:59:00Z'))).toBe(
      false,
    );
  });

  it('uses the schedule time zone', () => {
    const tokyo = { ...overnight, timezone: 'Asia/Tokyo' };
    // 12:00 UTC is 21:00 in Tokyo.
    expect(isInSleepWindow(tokyo, new Date('2026-01-06T12:00:00Z'))).toBe(true);
  });

  it('sleeps all day on days not listed', () => {
    const weekdays = {
      ...overnight,
      days: ['mon', 'tue', 'wed', 'thu', 'fri'] as any,
    };
    // 2026-01-10 is a Saturday.
    expect(isInSleepWindow(weekdays, new Date('2026-01-10T12:00:00Z'))).toBe(
      true,
    );
    expect(isInSleepWindow(weekdays, new Date('2026-01-09T12:00:00Z'))).toBe(
      false,
    );
  });
});
