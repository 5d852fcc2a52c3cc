import type {
  DatabaseService,
  SchedulerService,
  SchedulerServiceTaskFunction,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import {
  parseDevenvSettings,
  type EnvironmentProvisioner,
} from '@kubeplatform/plugin-devenv-node';
import knexFactory, { type Knex } from 'knex';
import { AuditTrail } from '../audit/AuditTrail';
import { scheduleReaper } from '../reaper/scheduleReaper';
import { EnvironmentNotifier } from './EnvironmentNotifier';
import { SentNotifications } from './SentNotifications';
import { testEnvironment } from './__testUtils__/testEnvironment';

let db: Knex;

beforeEach(() => {
  db = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: ':memory:' },
    useNullAsDefault: true,
  });
});

afterEach(() => db.destroy());

it('a reaper pass tells the owners it saw before acting: deleted once, put to sleep once', async () => {
  let environments = [
    testEnvironment('expired', {
      expiresAt: new Date(Date.now() - 60_000).toISOString(),
    }),
    testEnvironment('night', {
      sleepSchedule: {
        sleepAt: '00:00',
        wakeAt: '00:01',
        timezone: 'UTC',
        days: [],
      },
    }),
    testEnvironment('awake', {}),
  ];
  const provisioner = {
    settings: parseDevenvSettings({}),
    list: async () => ({ items: environments, errors: [] }),
    delete: async (_cluster: string, name: string) => {
      environments = environments.filter(e => e.name !== name);
    },
    sleep: async (_cluster: string, name: string) => {
      environments = environments.map(e =>
        e.name === name
          ? { ...e, status: 'sleeping' as const, sleptBy: 'schedule' as const }
          : e,
      );
    },
  };
  let reaperPass: SchedulerServiceTaskFunction | undefined;
  const scheduler = {
    scheduleTask: async (task: { fn: SchedulerServiceTaskFunction }) => {
      reaperPass = task.fn;
    },
  } as unknown as SchedulerService;
  const database: DatabaseService = { getClient: async () => db };
  const sent: NotificationSendOptions[] = [];
  const logger = mockServices.logger.mock();
  const notifier = new EnvironmentNotifier({
    provisioner,
    notifications: { send: async options => void sent.push(options) },
    sent: await SentNotifications.create(database),
    settings: { expiryLeadTimes: [{ text: '1m', ms: 60_000 }] },
    logger,
  });
  await scheduleReaper({
    scheduler,
    provisioner: provisioner as unknown as EnvironmentProvisioner,
    audit: await AuditTrail.create(database, logger),
    logger,
    notifier,
  });

  await reaperPass!(new AbortController().signal);
  await reaperPass!(new AbortController().signal);

  expect(
    sent.map(n => [n.recipients, n.payload.title, n.payload.link]),
  ).toEqual([
    [
      { type: 'entity', entityRef: 'user:default/expired-owner' },
      'Environment dev-eu/expired was deleted',
      '/devenv',
    ],
    [
      { type: 'entity', entityRef: 'user:default/night-owner' },
      'Environment dev-eu/night was put to sleep',
      '/devenv',
    ],
  ]);
});
