import { APIRequestContext, expect, test } from '@playwright/test';
import {
  createNamespaceEnvironment,
  guestToken,
  saveScreenshot,
  signInAsGuest,
} from './helpers';

/**
 * An environment about to expire tells its owner: the devenv backend's expiry notifier sends a
 * notification through the notifications backend, and it shows on the app's Notifications page
 * with a link to the Environments page.
 */

test.setTimeout(180_000);

/** The devenv plugin's scheduled task that sends expiry notices (scheduleExpiryNotifier.ts). */
const EXPIRY_NOTIFIER = 'devenv-expiry-notifier';

interface TaskState {
  status: 'idle' | 'running';
  lastRunEndedAt?: string;
}

async function notifierState(
  request: APIRequestContext,
  headers: Record<string, string>,
): Promise<TaskState | undefined> {
  const response = await request.get(
    '/api/devenv/.backstage/scheduler/v1/tasks',
    {
      headers,
    },
  );
  expect(response.ok()).toBe(true);
  const { tasks } = await response.json();
  return tasks.find((t: { taskId: string }) => t.taskId === EXPIRY_NOTIFIER)
    ?.taskState;
}

/**
 * Runs the notifier now instead of waiting for its interval, and waits until that run has
 * ended. The scheduler refuses a trigger (409) while a run is in progress, one that may have
 * listed the environments before the test's existed; the trigger goes in once it has ended.
 */
async function runNotifier(
  request: APIRequestContext,
  headers: Record<string, string>,
): Promise<void> {
  let endedBefore: string | undefined;
  await expect
    .poll(
      async () => {
        const state = await notifierState(request, headers);
        if (state?.status !== 'idle') {
          return 'running';
        }
        endedBefore = state.lastRunEndedAt;
        const trigger = await request.post(
          `/api/devenv/.backstage/scheduler/v1/tasks/${EXPIRY_NOTIFIER}/trigger`,
          { headers },
        );
        return trigger.status() === 200 ? 'triggered' : 'running';
      },
      { timeout: 60_000 },
    )
    .toBe('triggered');
  await expect
    .poll(
      async () => {
        const state = await notifierState(request, headers);
        return state?.status === 'idle' && state.lastRunEndedAt !== endedBefore;
      },
      { timeout: 60_000 },
    )
    .toBe(true);
}

test('an environment about to expire notifies its owner in the app, once, with a link to the Environments page', async ({
  page,
  request,
}) => {
  const name = `e2e-notify-${Date.now().toString(36)}`;
  const ref = `dev-eu/${name}`;
  const headers = { authorization: `Bearer ${await guestToken(request)}` };

  // Thirty minutes to live: inside the 1 h lead time of the default configuration.
  await createNamespaceEnvironment(request, headers, { name, ttl: '30m' });

  try {
    await runNotifier(request, headers);

    const title = new RegExp(`^Environment ${ref} expires in (29|30) min$`);
    const notificationsAbout = async () => {
      const response = await request.get(
        `/api/notifications/notifications?search=${encodeURIComponent(name)}`,
        { headers },
      );
      expect(response.ok()).toBe(true);
      const body = await response.json();
      return (
        body.notifications as Array<{
          payload: { title: string; link?: string };
        }>
      ).map(n => ({ title: n.payload.title, link: n.payload.link }));
    };
    await expect
      .poll(notificationsAbout, { timeout: 60_000 })
      .toEqual([{ title: expect.stringMatching(title), link: '/devenv' }]);

    await signInAsGuest(page);
    await page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: /Notifications/ })
      .click();
    await expect(page).toHaveURL(/\/notifications/);
    const notice = page.getByRole('link', { name: title });
    await expect(notice).toBeVisible();
    await saveScreenshot(page, 'notifications-expiring-environment');

    await notice.click();
    await expect(page).toHaveURL(/\/devenv$/);
    await expect(page.getByRole('row').filter({ hasText: name })).toBeVisible();

    // A second run of the notifier sends nothing new.
    await runNotifier(request, headers);
    expect(await notificationsAbout()).toHaveLength(1);
  } finally {
    await request.delete(`/api/devenv/environments/dev-eu/${name}`, {
      headers,
    });
  }
});
