import {
  act,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  fleetView,
  mixedView,
  unreachableView,
} from '../../__fixtures__/entityViews';
import {
  checkoutProdDetail,
  detailWithPods,
} from '../../__fixtures__/workloadDetails';
import { FakeMulticlusterApi } from '../../__testUtils__/FakeMulticlusterApi';
import { openDrawerInTab } from '../../__testUtils__/openWorkloadDrawer';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { responseError } from '../../__testUtils__/responseError';
import { MulticlusterContent } from './MulticlusterContent';

describe('MulticlusterContent', () => {
  it('shows every workload against every cluster, and problems with their fixes', async () => {
    await renderWithEntity(
      <MulticlusterContent />,
      new FakeMulticlusterApi(mixedView),
    );
    const grid = screen.getByRole('grid', { name: 'Workloads by cluster' });
    expect(screen.getByTestId('cell-checkout-prod-us')).toHaveAttribute(
      'data-tone',
      'error',
    );
    expect(screen.getByTestId('cell-checkout-prod-us')).toHaveTextContent(
      'Error · 9/10',
    );
    expect(screen.getByTestId('cell-checkout-prod-us')).toHaveTextContent(
      'HPA at max',
    );
    expect(screen.getByTestId('cell-checkout-dev-eu')).toHaveTextContent(
      'drift',
    );
    // checkout-cache runs only in prod-us.
    expect(
      screen.getByTestId('cell-checkout-cache-prod-us'),
    ).toBeInTheDocument();
    expect(
      within(grid).getByLabelText('Not deployed in dev-eu'),
    ).toHaveTextContent('—');
    const problems = screen.getAllByTestId('problem');
    expect(problems).toHaveLength(2);
    expect(screen.getAllByTestId('problem-fix')[1]).toHaveTextContent(
      'kubectl logs -n checkout checkout-7d9f8b6c5-x2x9q -c checkout --previous',
    );
    expect(screen.getByTestId('drift-table')).toHaveTextContent(
      'dev-eu: 1.5.0-rc.1',
    );
  });

  it('an unreachable cluster says so in its column and cells', async () => {
    await renderWithEntity(
      <MulticlusterContent />,
      new FakeMulticlusterApi(unreachableView),
    );
    const grid = screen.getByRole('grid');
    expect(
      within(grid).getAllByText('Unreachable').length,
    ).toBeGreaterThanOrEqual(2);
    expect(
      within(grid).queryByTestId('cell-checkout-dev-eu'),
    ).not.toBeInTheDocument();
  });

  it('a cell opens the drawer with pods, problems, HPA, kubectl and dashboard link', async () => {
    const api = new FakeMulticlusterApi(mixedView);
    api.detail = checkoutProdDetail;
    const drawer = await openDrawerInTab(api, 'checkout', 'prod-us');
    expect(api.detailRequests[0]).toEqual({
      entity: { kind: 'Component', namespace: 'default', name: 'checkout' },
      cluster: 'prod-us',
      workload: { kind: 'Deployment', namespace: 'checkout', name: 'checkout' },
    });
    expect(
      await within(drawer).findByTestId('autoscaler-details'),
    ).toHaveTextContent('Min / max3 / 10');
    expect(within(drawer).getByTestId('autoscaler-details')).toHaveTextContent(
      'at max',
    );
    expect(within(drawer).getAllByTestId('problem')[0]).toHaveTextContent(
      'HpaAtMaxReplicas',
    );
    expect(within(drawer).getByTestId('kubectl-commands')).toHaveTextContent(
      'kubectl --context prod-us -n checkout describe deployment checkout',
    );
    expect(
      within(drawer).getByRole('link', { name: /Cluster dashboard/ }),
    ).toHaveAttribute('href', 'http://127.0.0.1:3000/dashboards/prod-us');

    await userEvent.click(
      within(drawer).getByRole('tab', { name: 'Pods (10)' }),
    );
    const rows = within(drawer).getAllByTestId('pod-row');
    expect(rows).toHaveLength(10);
    // The crash-looping pod comes first.
    expect(rows[0]).toHaveTextContent('checkout-7d9f8b6c5-x2x9q');
    expect(rows[0]).toHaveTextContent('CrashLoopBackOff');
    expect(rows[1]).toHaveTextContent('121m');

    await userEvent.click(
      within(drawer).getByRole('tab', { name: 'Events (2)' }),
    );
    const events = within(drawer).getByTestId('events-timeline');
    expect(events.querySelectorAll('li')[0]).toHaveTextContent('BackOff');
  });

  it('the log viewer reads the chosen container, previous instance, follows and searches', async () => {
    const api = new FakeMulticlusterApi(mixedView);
    api.detail = checkoutProdDetail;
    api.logs = request =>
      request.previous
        ? 'panic: PAYMENTS_URL is not set\n'
        : `starting ${request.container}\nlistening on :8080\nGET /health 200\n`;
    const drawer = await openDrawerInTab(api, 'checkout', 'prod-us');
    await userEvent.click(
      await within(drawer).findByRole('tab', { name: 'Pods (10)' }),
    );
    await userEvent.click(
      within(drawer).getByRole('button', {
        name: 'Logs of checkout-7d9f8b6c5-x2x9q',
      }),
    );

    expect(await within(drawer).findByTestId('log-text')).toHaveTextContent(
      'starting checkout',
    );
    expect(api.logRequests[0]).toMatchObject({
      cluster: 'prod-us',
      pod: { namespace: 'checkout', name: 'checkout-7d9f8b6c5-x2x9q' },
      container: 'checkout',
      previous: false,
      follow: false,
    });

    await userEvent.click(within(drawer).getByLabelText('Previous container'));
    await waitFor(() =>
      expect(within(drawer).getByTestId('log-text')).toHaveTextContent(
        'panic: PAYMENTS_URL is not set',
      ),
    );
    expect(api.logRequests.at(-1)).toMatchObject({ previous: true });
    await userEvent.click(within(drawer).getByLabelText('Previous container'));

    // Container picker
    await userEvent.click(within(drawer).getByLabelText('Container'));
    await userEvent.click(await screen.findByRole('option', { name: 'envoy' }));
    await waitFor(() =>
      expect(within(drawer).getByTestId('log-text')).toHaveTextContent(
        'starting envoy',
      ),
    );

    await userEvent.click(within(drawer).getByLabelText('Follow'));
    await waitFor(() =>
      expect(api.logRequests.at(-1)).toMatchObject({
        follow: true,
        container: 'envoy',
      }),
    );

    fireEvent.change(within(drawer).getByLabelText('Search the log'), {
      target: { value: 'health' },
    });
    expect(within(drawer).getByTestId('log-match-count')).toHaveTextContent(
      '1 of 3 lines match',
    );
    expect(
      within(drawer).getByTestId('log-text').querySelector('mark'),
    ).toHaveTextContent('health');
  });

  it('download saves the shown log as a file', async () => {
    const api = new FakeMulticlusterApi(mixedView);
    api.detail = checkoutProdDetail;
    api.logs = () => 'line one\nline two\n';
    const created: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:log';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function checkFilename(this: HTMLAnchorElement) {
        expect(this.download).toBe(
          'prod-us_checkout-7d9f8b6c5-x2x9q_checkout.log',
        );
      });
    const drawer = await openDrawerInTab(api, 'checkout', 'prod-us');
    await userEvent.click(
      await within(drawer).findByRole('tab', { name: 'Logs' }),
    );
    await within(drawer).findByTestId('log-text');
    await userEvent.click(
      within(drawer).getByRole('button', { name: 'Download' }),
    );
    expect(click).toHaveBeenCalledTimes(1);
    expect(await created[0].text()).toBe('line one\nline two\n');
    click.mockRestore();
  });

  it('the log viewer explains an empty log and a deleted pod', async () => {
    const api = new FakeMulticlusterApi(mixedView);
    api.detail = checkoutProdDetail;
    const deleted = await responseError(
      404,
      'pods "checkout-7d9f8b6c5-aaaa1" not found',
    );
    api.logs = request => (request.pod.name.endsWith('aaaa1') ? deleted : '');
    const drawer = await openDrawerInTab(api, 'checkout', 'prod-us');
    await userEvent.click(
      await within(drawer).findByRole('tab', { name: 'Logs' }),
    );
    expect(await within(drawer).findByTestId('log-empty')).toHaveTextContent(
      'checkout has written no log lines.',
    );
    await userEvent.click(within(drawer).getByLabelText('Pod'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'checkout-7d9f8b6c5-aaaa1' }),
    );
    expect(await within(drawer).findByTestId('log-error')).toHaveTextContent(
      'Pod checkout-7d9f8b6c5-aaaa1 was not found in prod-us: it may have been deleted.',
    );
  });

  it('1000 pods: paginated, filterable, worst first', async () => {
    const api = new FakeMulticlusterApi(mixedView);
    api.detail = detailWithPods(1000);
    const drawer = await openDrawerInTab(api, 'checkout', 'prod-us');
    await userEvent.click(
      await within(drawer).findByRole('tab', { name: 'Pods (1000)' }),
    );
    expect(within(drawer).getAllByTestId('pod-row')).toHaveLength(25);
    expect(within(drawer).getByText(/^1.25 of 1000$/)).toBeInTheDocument();
    expect(within(drawer).getAllByTestId('pod-row')[0]).toHaveTextContent(
      'x2x9q',
    );
    fireEvent.change(
      within(drawer).getByLabelText(
        'Filter pods by name, phase, node or problem',
      ),
      {
        target: { value: 'CrashLoop' },
      },
    );
    expect(within(drawer).getAllByTestId('pod-row')).toHaveLength(1);
    expect(within(drawer).getByText('1 of 1000 pods')).toBeInTheDocument();
  });

  it('a failing detail request stays inside the drawer and can be retried', async () => {
    const api = new FakeMulticlusterApi(mixedView);
    api.detail = await responseError(500, 'cluster prod-us: request timed out');
    const drawer = await openDrawerInTab(api, 'checkout', 'prod-us');
    expect(
      await within(drawer).findByTestId('request-error'),
    ).toHaveTextContent(
      'the multicluster backend failed (500): cluster prod-us: request timed out',
    );
    expect(screen.getByRole('grid', { hidden: true })).toBeInTheDocument();
    api.detail = checkoutProdDetail;
    await userEvent.click(
      within(drawer).getByRole('button', { name: 'Retry now' }),
    );
    expect(
      await within(drawer).findByTestId('autoscaler-details'),
    ).toBeInTheDocument();
  });

  it('keyboard: one Tab stop, arrow keys move, Enter opens, Escape closes', async () => {
    const api = new FakeMulticlusterApi(mixedView);
    api.detail = checkoutProdDetail;
    await renderWithEntity(<MulticlusterContent />, api);
    const first = screen.getByTestId('cell-checkout-prod-us');
    expect(first).toHaveAttribute('tabindex', '0');
    act(() => first.focus());
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByTestId('cell-checkout-dev-eu')).toHaveFocus();
    await userEvent.keyboard('{ArrowLeft}{ArrowDown}');
    expect(screen.getByTestId('cell-checkout-cache-prod-us')).toHaveFocus();
    await userEvent.keyboard('{ArrowUp}{Enter}');
    expect(await screen.findByTestId('workload-drawer')).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    await waitFor(() =>
      expect(screen.queryByTestId('workload-drawer')).not.toBeInTheDocument(),
    );
  });

  it('50 clusters with long names: every column present, names truncated with a tooltip', async () => {
    await renderWithEntity(
      <MulticlusterContent />,
      new FakeMulticlusterApi(fleetView(50)),
    );
    const grid = screen.getByRole('grid');
    expect(within(grid).getAllByRole('columnheader')).toHaveLength(51);
    const longName =
      'cluster-00-very-long-cluster-name-segment-very-long-cluster-name-segment-x';
    const header = within(grid).getByText(longName);
    expect(header).toHaveStyle({ textOverflow: 'ellipsis' });
    fireEvent.mouseOver(header);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(longName);
  });
});
