import { parseDuration, formatDuration } from './duration';
import { ownerLabelValue } from './labels';
import {
  describeIssues,
  environmentPatchSchema,
  environmentRequestSchema,
} from './spec';

const valid = {
  name: 'alice-dev',
  owner: 'user:alice',
  class: 'namespace',
  cluster: 'dev-eu',
};

function problem(input: unknown): string {
  const result = environmentRequestSchema.safeParse(input);
  if (result.success) {
    throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  }
  return describeIssues(result.error);
}

describe('environmentRequestSchema', () => {
  it('accepts a minimal request and normalises the owner ref', () => {
    const parsed = environmentRequestSchema.parse(valid);
    expect(parsed.owner).toBe('user:default/alice');
    expect(
      environmentRequestSchema.parse({ ...valid, owner: 'Group:team-a' }).owner,
    ).toBe('group:default/team-a');
  });

  it.each([
    ['Alice', 'DNS-1123'],
    ['a'.repeat(64), 'at most 63'],
    ['-alice', 'DNS-1123'],
    ['kube-alice', 'starting with "kube-"'],
    ['default', 'reserved'],
    ['../etc', 'DNS-1123'],
    ['', 'empty'],
  ])('refuses the name %j', (name, message) => {
    expect(problem({ ...valid, name })).toContain(message);
  });

  it('accepts a 63 character name', () => {
    expect(() =>
      environmentRequestSchema.parse({ ...valid, name: 'a'.repeat(63) }),
    ).not.toThrow();
  });

  it.each(['25h5', '-1h', 'soon', '0h', ''])('refuses the TTL %j', ttl => {
    expect(problem({ ...valid, ttl })).toContain('ttl: must be a positive');
  });

  it('refuses owners that are not users or groups', () => {
    expect(problem({ ...valid, owner: 'component:default/x' })).toContain(
      'User or Group',
    );
  });

  it('refuses parameter values with newlines and unknown fields', () => {
    expect(
      problem({ ...valid, parameters: { team: 'a\nkubeplatform.io/x: y' } }),
    ).toContain('parameters.team: must not contain newlines');
    expect(problem({ ...valid, token: 'abc' })).toContain('token');
  });

  it('validates sleep schedules', () => {
    expect(
      environmentRequestSchema.parse({
        ...valid,
        sleepSchedule: { sleepAt: '19:00', wakeAt: '08:00' },
      }).sleepSchedule,
    ).toEqual({ sleepAt: '19:00', wakeAt: '08:00', timezone: 'UTC' });
    expect(
      problem({
        ...valid,
        sleepSchedule: { sleepAt: '25:00', wakeAt: '08:00', timezone: 'Mars' },
      }),
    ).toMatch(/sleepAt must be HH:MM.*timezone must be an IANA zone/);
  });
});

describe('environmentPatchSchema', () => {
  it('accepts the three actions and nothing else', () => {
    expect(
      environmentPatchSchema.parse({ action: 'extend', ttl: '2h' }),
    ).toEqual({ action: 'extend', ttl: '2h' });
    expect(environmentPatchSchema.safeParse({ action: 'resize' }).success).toBe(
      false,
    );
  });
});

describe('durations', () => {
  it('parses and formats', () => {
    expect(parseDuration('1d12h')).toBe(36 * 3600 * 1000);
    expect(parseDuration('90m')).toBe(90 * 60 * 1000);
    expect(formatDuration(36 * 3600 * 1000)).toBe('1d12h');
  });
});

describe('ownerLabelValue', () => {
  it('makes entity refs label-safe', () => {
    expect(ownerLabelValue('group:default/Team_A')).toBe(
      'group.default.team_a',
    );
  });
});
