import { timeLeft } from './timeLeft';

describe('timeLeft', () => {
  const now = new Date('2026-01-01T12:00:00Z');
  it('counts down in whole minutes and says when it has passed', () => {
    expect(timeLeft('2026-01-02T15:30:59Z', now)).toBe('expires in 1d3h30m');
    expect(timeLeft('2026-01-01T12:00:30Z', now)).toBe(
      'expires in less than a minute',
    );
    expect(timeLeft('2026-01-01T11:55:00Z', now)).toBe('expired 5m ago');
    expect(timeLeft('not a date', now)).toBe('no expiry');
  });
});
