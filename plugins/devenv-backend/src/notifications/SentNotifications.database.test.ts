import type { DatabaseService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import type { Environment } from '@kubeplatform/clusters-common';
import knexFactory, { type Knex } from 'knex';
import { EnvironmentNotifier } from './EnvironmentNotifier';
import { SentNotifications } from './SentNotifications';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { testEnvironment } from './__testUtils__/testEnvironment';

const { databases, ids } = createTestDatabases();

jest.setTimeout(60_000);

const HOUR = 3_600_000;
const now = new Date('2026-12-01T12:00:00.000Z');

function environment(name: string, expiresInMs: number): Environment {
  return testEnvironment(name, {
    expiresAt: new Date(now.getTime() + expiresInMs).toISOString(),
  });
}

const environments = [
  environment('soon', HOUR / 2),
  environment('today', 5 * HOUR),
  environment('later', 48 * HOUR),
];

function databaseService(db: Knex): DatabaseService {
  return { getClient: async () => db };
}

/** A notifications service that keeps what it was asked to send. */
function recordingNotifications(fail?: () => boolean) {
  const sent: NotificationSendOptions[] = [];
  return {
    sent,
    service: {
      send: async (options: NotificationSendOptions) => {
        // Let the other sender run between the claim and the send.
        await new Promise(resolve => setImmediate(resolve));
        if (fail?.()) {
          throw new Error('notifications backend unavailable');
        }
        sent.push(options);
      },
    },
  };
}

async function notifier(db: Knex, notifications: { send: any }) {
  return new EnvironmentNotifier({
    provisioner: { list: async () => ({ items: environments, errors: [] }) },
    notifications,
    sent: await SentNotifications.create(databaseService(db)),
    settings: {
      expiryLeadTimes: [
        { text: '1h', ms: HOUR },
        { text: '24h', ms: 24 * HOUR },
      ],
    },
    logger: mockServices.logger.mock(),
  });
}

/** A second connection to the same database, as a second replica has; SQLite in memory has one. */
function secondConnection(db: Knex): { db: Knex; close: () => Promise<void> } {
  if (db.client.dialect !== 'postgresql') {
    return { db, close: async () => {} };
  }
  const second = knexFactory({
    client: 'pg',
    connection: db.client.config.connection,
    pool: { min: 0, max: 5 },
  });
  return { db: second, close: () => second.destroy() };
}

describe.each(ids)('expiry notices on %s', databaseId => {
  it('go out exactly once when two senders run at the same time, again and again', async () => {
    const db = await databases.init(databaseId);
    const other = secondConnection(db);
    try {
      const first = recordingNotifications();
      const second = recordingNotifications();
      const a = await notifier(db, first.service);
      const b = await notifier(other.db, second.service);

      const counts = await Promise.all([
        a.notifyExpiring(now),
        b.notifyExpiring(now),
        a.notifyExpiring(now),
        b.notifyExpiring(now),
      ]);

      expect(counts.reduce((sum, n) => sum + n, 0)).toBe(2);
      const all = [...first.sent, ...second.sent];
      expect(
        all
          .map(n => ({ to: n.recipients, link: n.payload.link }))
          .sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
      ).toEqual([
        {
          to: { type: 'entity', entityRef: 'user:default/soon-owner' },
          link: '/devenv',
        },
        {
          to: { type: 'entity', entityRef: 'user:default/today-owner' },
          link: '/devenv',
        },
      ]);
      const rows = await new SentNotifications(db).list();
      expect(rows.map(row => [row.environment, row.recipient])).toEqual(
        expect.arrayContaining([
          ['soon', 'user:default/soon-owner'],
          ['today', 'user:default/today-owner'],
        ]),
      );
      expect(rows).toHaveLength(2);

      expect(await a.notifyExpiring(now)).toBe(0);
      expect(await b.notifyExpiring(now)).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('are sent by a later run when the notifications backend failed', async () => {
    const db = await databases.init(databaseId);
    let down = true;
    const notifications = recordingNotifications(() => down);
    const sender = await notifier(db, notifications.service);

    expect(await sender.notifyExpiring(now)).toBe(0);
    expect(await new SentNotifications(db).list()).toEqual([]);

    down = false;
    expect(await sender.notifyExpiring(now)).toBe(2);
    expect(notifications.sent).toHaveLength(2);
  });

  it('refuse a second row with the same key (the guard is the database constraint)', async () => {
    const db = await databases.init(databaseId);
    await SentNotifications.create(databaseService(db));
    const row = {
      key: 'expiring/3600000/dev-eu/soon/2026-12-01T12:30:00.000Z',
      claim: 'one',
      kind: 'expiring',
      cluster: 'dev-eu',
      environment: 'soon',
      recipient: 'user:default/soon-owner',
      sent_at: now,
    };
    await db('devenv_notifications').insert(row);
    await expect(
      db('devenv_notifications').insert({ ...row, claim: 'two' }),
    ).rejects.toThrow();
  });
});
