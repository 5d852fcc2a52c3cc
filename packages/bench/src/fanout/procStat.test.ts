import { cpuSeconds, rssBytes } from './procStat';

describe('procStat', () => {
  it('reads this process: CPU time grows with work, RSS is plausible', () => {
    const before = cpuSeconds(process.pid);
    const until = Date.now() + 200;
    while (Date.now() < until) Math.sqrt(Math.random());
    expect(cpuSeconds(process.pid)).toBeGreaterThan(before);
    expect(rssBytes(process.pid)).toBeGreaterThan(10 * 1024 * 1024);
  });
});
