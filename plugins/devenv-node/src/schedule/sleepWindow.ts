import type { SleepSchedule } from '@kubeplatform/clusters-common';

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

function minutesOf(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return hours * 60 + minutes;
}

function localTime(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find(p => p.type === type)?.value ?? '';
  return {
    weekday: get('weekday').toLocaleLowerCase('en-US').slice(0, 3),
    minutes: Number(get('hour')) * 60 + Number(get('minute')),
  };
}

/**
 * Whether a schedule wants the environment asleep at a moment. On days not listed in `days`
 * it sleeps all day; on listed days it sleeps from sleepAt to wakeAt (possibly over midnight).
 *
 * @public
 */
export function isInSleepWindow(schedule: SleepSchedule, at: Date): boolean {
  const { weekday, minutes } = localTime(at, schedule.timezone);
  if (
    schedule.days &&
    !schedule.days.includes(weekday as (typeof WEEKDAYS)[number])
  ) {
    return true;
  }
  const sleepAt = minutesOf(schedule.sleepAt);
  const wakeAt = minutesOf(schedule.wakeAt);
  return sleepAt > wakeAt
    ? minutes >= sleepAt || minutes < wakeAt
    : minutes >= sleepAt && minutes < wakeAt;
}
