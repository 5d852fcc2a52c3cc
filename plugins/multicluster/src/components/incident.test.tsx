import { screen, within } from '@testing-library/react';
import {
  capturedDemoProdDetail,
  capturedDemoView,
} from '../__fixtures__/captured';
import { FakeMulticlusterApi } from '../__testUtils__/FakeMulticlusterApi';
import { openDrawerInTab } from '../__testUtils__/openWorkloadDrawer';
import { renderWithEntity } from '../__testUtils__/renderWithEntity';
import { MulticlusterContent } from './content/MulticlusterContent';
import { checkoutNetwork, shopQuotas } from '../__fixtures__/networkAndQuotas';

const restartsOf = (text: string | null) =>
  Number(/after (\d+) restarts/.exec(text ?? '')?.[1]);

describe('problems read like an incident (captured demo view)', () => {
  it("tab: checkout's crashing pods in prod-us are one group, with the pods inside, most restarted first", async () => {
    await renderWithEntity(
      <MulticlusterContent />,
      new FakeMulticlusterApi(capturedDemoView),
    );
    const groups = screen.getAllByTestId('problem-group');
    expect(groups).toHaveLength(1);
    const group = groups[0];
    expect(within(group).getByTestId('problem-group-title')).toHaveTextContent(
      '3 of 3 pods of checkout in prod-us: CrashLoopBackOff, exit 1',
    );
    const pods = within(group).getAllByTestId('problem');
    expect(pods).toHaveLength(3);
    const restarts = pods.map(p => restartsOf(p.textContent));
    expect(restarts).toEqual([...restarts].sort((a, b) => b - a));
    // Each pod keeps its own fix, which names the pod.
    for (const pod of pods) {
      expect(within(pod).getByTestId('problem-fix')).toHaveTextContent(
        '--previous',
      );
    }
    // The group is the cause, so it comes before the Deployment's unavailable replicas.
    const list = screen.getByRole('list', { name: 'Problems' });
    expect(list.firstElementChild).toBe(group);
  });

  it('drawer: the crash as one group, and the network and quota panels', async () => {
    const api = new FakeMulticlusterApi(capturedDemoView);
    api.detail = {
      ...capturedDemoProdDetail,
      network: checkoutNetwork,
      quotas: shopQuotas,
    };
    const drawer = await openDrawerInTab(api, 'checkout', 'prod-us');
    const group = await within(drawer).findByTestId('problem-group');
    const crashing = capturedDemoProdDetail.pods.filter(p =>
      p.problems.some(x => x.code === 'CrashLoopBackOff'),
    ).length;
    expect(within(group).getByTestId('problem-group-title')).toHaveTextContent(
      `${crashing} of ${capturedDemoProdDetail.pods.length} pods of checkout in prod-us: CrashLoopBackOff, exit 1`,
    );
    expect(
      within(drawer).getByRole('heading', { name: 'Network' }),
    ).toBeVisible();
    expect(within(drawer).getByTestId('service-endpoints')).toHaveTextContent(
      '0/3 ready',
    );
    expect(
      within(drawer).getByRole('link', { name: 'checkout.example.com/api' }),
    ).toHaveAttribute('href', 'https://checkout.example.com/api');
    expect(
      within(drawer).getByRole('heading', { name: 'Quotas' }),
    ).toBeVisible();
    expect(
      within(drawer).getByRole('table', { name: 'ResourceQuota shop-quota' }),
    ).toHaveTextContent('10 / 10 — at limit');
  });

  it('drawer: a detail without network or quotas (an older backend) says there are none', async () => {
    const api = new FakeMulticlusterApi(capturedDemoView);
    api.detail = capturedDemoProdDetail;
    const drawer = await openDrawerInTab(api, 'checkout', 'prod-us');
    expect(await within(drawer).findByTestId('network')).toHaveTextContent(
      'No Service of this entity selects these pods.',
    );
    expect(within(drawer).getByTestId('quotas')).toHaveTextContent(
      'No ResourceQuota limits this namespace.',
    );
  });
});
