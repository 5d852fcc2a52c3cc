import { ConfigReader } from '@backstage/config';
import { readExecOptions } from './readExecOptions';

describe('readExecOptions', () => {
  it('has the documented defaults, with the app origin allowed', () => {
    expect(
      readExecOptions(
        new ConfigReader({ app: { baseUrl: 'http://localhost:3000/app' } }),
      ),
    ).toEqual({
      command: ['/bin/sh'],
      maxDurationMs: 15 * 60_000,
      idleTimeoutMs: 5 * 60_000,
      recheckMs: 30_000,
      allowedOrigins: ['http://localhost:3000'],
      maxSessionsPerUser: 3,
    });
  });

  it('reads durations as strings or objects, and extra origins', () => {
    const options = readExecOptions(
      new ConfigReader({
        kubeplatform: {
          multicluster: {
            exec: {
              command: ['/bin/bash', '-l'],
              maxDuration: '2h',
              idleTimeout: { minutes: 1, seconds: 30 },
              recheckInterval: '10s',
              allowedOrigins: ['https://portal.example.com/'],
              maxSessionsPerUser: 1,
            },
          },
        },
      }),
    );
    expect(options).toEqual({
      command: ['/bin/bash', '-l'],
      maxDurationMs: 2 * 3_600_000,
      idleTimeoutMs: 90_000,
      recheckMs: 10_000,
      allowedOrigins: ['https://portal.example.com'],
      maxSessionsPerUser: 1,
    });
  });

  it.each([
    [{ command: [] }, /non-empty list/],
    [{ maxDuration: '0s' }, /maxDuration must be a positive duration/],
    [{ recheckInterval: '5m' }, /at most 1 minute/],
    [{ idleTimeout: { months: 1 } }, /not months/],
    [{ maxSessionsPerUser: 0 }, /maxSessionsPerUser must be a whole number/],
    [{ maxSessionsPerUser: 1.5 }, /maxSessionsPerUser must be a whole number/],
  ])('refuses %j', (exec, message) => {
    expect(() =>
      readExecOptions(
        new ConfigReader({ kubeplatform: { multicluster: { exec } } }),
      ),
    ).toThrow(message);
  });
});
