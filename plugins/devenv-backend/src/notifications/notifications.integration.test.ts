import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { CoreV1Api } from '@kubernetes/client-node';
import { loadLocalFleet, LocalFleet } from '@kubeplatform/local-clusters';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import request from 'supertest';
import { startDevenvFleetBackend } from '../__testUtils__/startDevenvFleetBackend';
import { EXPIRY_NOTIFIER_TASK_ID } from './scheduleExpiryNotifier';

jest.setTimeout(120_000);

const CLUSTER = 'dev-eu';
const OWNER = 'user:default/ada';
const as = (user: string) => mockCredentials.user.header(user);
const name = `it-notify-${Date.now().toString(36)}`;

let fleet: LocalFleet;
let server: Awaited<ReturnType<typeof startDevenvFleetBackend>>['server'];
let stopBackend: (() => Promise<void>) | undefined;

/** The scheduler of every plugin of the test backend: it runs a task only when triggered. */
const scheduler = mockServices.scheduler();
const schedulerFactory = createServiceFactory({
  service: coreServices.scheduler,
  deps: {},
  factory: () => scheduler,
});

/** Runs the expiry notifier once, now, as the scheduler would, and waits until it has ended. */
async function runNotifier(): Promise<void> {
  await scheduler.triggerTask(EXPIRY_NOTIFIER_TASK_ID);
}

async function notificationsAbout(ref: string) {
  const res = await request(server)
    .get('/api/notifications/notifications')
    .set('Authorization', as(OWNER));
  expect(res.status).toBe(200);
  return (
    res.body.notifications as Array<{
      user: string;
      origin: string;
      payload: { title: string; link?: string; topic?: string };
    }>
  ).filter(n => n.payload.title.includes(ref));
}

beforeAll(async () => {
  fleet = await loadLocalFleet();
  const backend = await startDevenvFleetBackend(fleet, {
    // The notifications backend links its e-mails and signals to the app.
    config: { app: { baseUrl: 'http://localhost:3000' } },
    features: [schedulerFactory, notificationsPlugin],
  });
  stopBackend = () => backend.stop();
  server = backend.server;
});

afterAll(async () => {
  await stopBackend?.();
  const core = fleet.cluster(CLUSTER).kubeConfig().makeApiClient(CoreV1Api);
  await core.deleteNamespace({ name }).catch(() => undefined);
});

describe('owner notifications on the real fleet', () => {
  it('tells the owner once that an environment expires soon, with a link to the Environments page', async () => {
    const created = await request(server)
      .post('/api/devenv/environments')
      .set('Authorization', as(OWNER))
      .send({ name, class: 'namespace', cluster: CLUSTER, ttl: '30m' });
    expect(created.status).toBe(201);
    const ref = `${CLUSTER}/${name}`;
    expect(await notificationsAbout(ref)).toEqual([]);

    await runNotifier();

    const notices = await notificationsAbout(ref);
    expect(notices).toEqual([
      expect.objectContaining({
        user: OWNER,
        origin: 'plugin:devenv',
        payload: expect.objectContaining({
          title: expect.stringMatching(
            new RegExp(`^Environment ${ref} expires in (29|30) min$`),
          ),
          link: '/devenv',
          topic: 'devenv',
        }),
      }),
    ]);

    await runNotifier();
    expect(await notificationsAbout(ref)).toHaveLength(1);

    const deleted = await request(server)
      .delete(`/api/devenv/environments/${CLUSTER}/${name}`)
      .set('Authorization', as(OWNER));
    expect(deleted.status).toBeLessThan(300);
  });
});
