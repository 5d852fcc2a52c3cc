import { describeRemaining } from './noticePayload';

describe('describeRemaining', () => {
  it.each([
    [30_000, 'under a minute'],
    [12 * 60_000, '12 min'],
    [65 * 60_000, '1 h 5 min'],
    [2 * 3_600_000, '2 h'],
    [(26 * 60 + 7) * 60_000, '1 d 2 h'],
  ])('%d ms is "%s"', (ms, text) => {
    expect(describeRemaining(ms)).toBe(text);
  });
});
