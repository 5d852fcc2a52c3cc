import {
  screen,
  waitFor,
  waitForElementToBeRemoved,
  within,
} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { checkoutProdDetail } from '../../__fixtures__/workloadDetails';
import { FakeMulticlusterActionsApi } from '../../__testUtils__/FakeMulticlusterActionsApi';
import {
  checkoutDrawerEntity as entity,
  checkoutDrawerTarget as target,
  renderCheckoutDrawer,
} from '../../__testUtils__/renderCheckoutDrawer';
import { responseError } from '../../__testUtils__/responseError';

/** Clicks the drawer's `action` button and returns the confirmation dialog it opens. */
async function openDialog(action: string, title: string) {
  await userEvent.click(screen.getByRole('button', { name: action }));
  return screen.findByRole('dialog', { name: title });
}

const openRestartDialog = () =>
  openDialog('Restart', 'Restart Deployment checkout in prod-us?');

/** Scales checkout in prod-us to `replicas` through the dialog, and confirms. */
async function scaleTo(replicas: string) {
  const dialog = await openDialog(
    'Scale',
    'Scale Deployment checkout in prod-us',
  );
  const field = within(dialog).getByLabelText('Replicas');
  await userEvent.clear(field);
  await userEvent.type(field, replicas);
  await userEvent.click(within(dialog).getByRole('button', { name: 'Scale' }));
}

describe('workload actions in the drawer', () => {
  it('does nothing when the confirmation is cancelled', async () => {
    const actions = new FakeMulticlusterActionsApi();
    await renderCheckoutDrawer({ actions });
    const dialog = await openRestartDialog();
    expect(dialog).toHaveTextContent('Every pod is replaced');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel' }),
    );
    await waitForElementToBeRemoved(dialog);
    expect(actions.restarts).toHaveLength(0);
    // Opening it again asks again.
    expect(await openRestartDialog()).toBeInTheDocument();
    expect(actions.restarts).toHaveLength(0);
  });

  it('restarts after confirmation and shows the result', async () => {
    const actions = new FakeMulticlusterActionsApi();
    const api = await renderCheckoutDrawer({ actions });
    const dialog = await openRestartDialog();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Restart' }),
    );
    expect(
      await screen.findByText(
        'Restart of Deployment checkout in prod-us requested; its pods are being replaced.',
      ),
    ).toBeInTheDocument();
    expect(actions.restarts).toEqual([{ entity, ...target }]);
    // The detail is loaded again to show the rollout.
    await waitFor(() => expect(api.detailRequests.length).toBe(2));
  });

  const hpaRefusal =
    'replicas must be from 2 to 10 (the HorizontalPodAutoscaler checkout bounds it), got 10000';

  it.each([
    {
      title: 'scales to the entered count after confirmation',
      replicas: 4,
      refusal: undefined,
      shown: 'Deployment checkout in prod-us scaled to 4 replicas.',
    },
    {
      title: "shows the backend's reason when it refuses a scale",
      replicas: 10000,
      refusal: hpaRefusal,
      shown: hpaRefusal,
    },
  ])('$title', async ({ replicas, refusal, shown }) => {
    const actions = new FakeMulticlusterActionsApi();
    if (refusal) actions.failWith = await responseError(400, refusal);
    await renderCheckoutDrawer({ actions });
    await scaleTo(String(replicas));
    expect(await screen.findByText(shown)).toBeInTheDocument();
    expect(actions.scales).toEqual([
      { address: { entity, ...target }, replicas },
    ]);
  });

  it('shows the actions disabled, with the reason, to a user without the permissions', async () => {
    const actions = new FakeMulticlusterActionsApi({
      restart: { allowed: false },
      scale: { allowed: false },
      deletePod: { allowed: false },
    });
    await renderCheckoutDrawer({ actions });
    expect(screen.getByRole('button', { name: 'Restart' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Scale' })).toBeDisabled();
    const panel = screen.getByTestId('workload-actions');
    expect(panel).toHaveTextContent(
      'Restart: You do not have the permission multicluster.workload.restart on this entity.',
    );
    expect(panel).toHaveTextContent(
      'Scale: You do not have the permission multicluster.workload.scale on this entity.',
    );
    await userEvent.click(screen.getByRole('tab', { name: /Pods/ }));
    const [first] = await screen.findAllByRole('button', { name: /^Delete / });
    expect(first).toBeDisabled();
    expect(first.parentElement).toHaveAttribute(
      'title',
      'You do not have the permission multicluster.pods.delete on this entity.',
    );
  });

  it('deletes a pod with the uid the view showed, after confirmation', async () => {
    const actions = new FakeMulticlusterActionsApi();
    const [pod, ...rest] = checkoutProdDetail.pods;
    await renderCheckoutDrawer({
      actions,
      detail: {
        ...checkoutProdDetail,
        pods: [{ ...pod, uid: 'uid-of-the-pod' }, ...rest],
      } as typeof checkoutProdDetail,
    });
    await userEvent.click(screen.getByRole('tab', { name: /Pods/ }));
    await userEvent.click(
      await screen.findByRole('button', { name: `Delete ${pod.name}` }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: `Delete pod ${pod.name} in prod-us?`,
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Delete' }),
    );
    expect(
      await screen.findByText(`Pod ${pod.name} deleted.`),
    ).toBeInTheDocument();
    expect(actions.deletes).toEqual([
      {
        entity,
        cluster: 'prod-us',
        pod: {
          namespace: pod.namespace,
          name: pod.name,
          uid: 'uid-of-the-pod',
        },
      },
    ]);
  });
});
