import { createViewPacer } from './viewPacer';

describe('createViewPacer', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  const pacer = () => {
    const sent: number[] = [];
    const p = createViewPacer(() => sent.push(Date.now()), {
      debounceMs: 250,
      maxWaitMs: 1000,
    });
    return { p, sent };
  };

  it('sends a change after a quiet spell at once', () => {
    const { p, sent } = pacer();
    p.sendNow();
    jest.advanceTimersByTime(5000);
    p.changed();
    expect(sent).toEqual([0, 5000]);
  });

  it('collects the changes that follow and sends them after the quiet time', () => {
    const { p, sent } = pacer();
    p.sendNow();
    jest.advanceTimersByTime(5000);
    p.changed(); // sent at once
    jest.advanceTimersByTime(100);
    p.changed();
    jest.advanceTimersByTime(100);
    p.changed();
    expect(sent).toEqual([0, 5000]);
    jest.advanceTimersByTime(250);
    expect(sent).toEqual([0, 5000, 5450]);
  });

  it('sends a burst that never goes quiet at the latest maxWaitMs after its first change', () => {
    const { p, sent } = pacer();
    p.sendNow();
    for (let i = 0; i < 30; i++) {
      jest.advanceTimersByTime(100);
      p.changed();
    }
    // First change at 100 (within the quiet time after the first view): sent by 1100.
    expect(sent[1]).toBe(1100);
  });

  it('sends nothing more once stopped', () => {
    const { p, sent } = pacer();
    p.sendNow();
    p.changed();
    p.stop();
    jest.advanceTimersByTime(5000);
    expect(sent).toEqual([0]);
  });
});
