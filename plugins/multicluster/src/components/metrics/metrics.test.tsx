import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  MetricsStatus,
  WorkloadDetail,
} from '@kubeplatform/clusters-common';
import {
  capturedMetricsProdDetail,
  capturedMetricsView,
  capturedNotificationsNearLimitDetail,
} from '../../__fixtures__/captured';
import { FakeMulticlusterApi } from '../../__testUtils__/FakeMulticlusterApi';
import {
  openCell,
  openDrawerInTab,
} from '../../__testUtils__/openWorkloadDrawer';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { MulticlusterContent } from '../content/MulticlusterContent';
import { PodsTable } from '../drawer/PodsTable';
import { MetricsNote } from './MetricsNote';
import { WorkloadUsageSummary } from './WorkloadUsageSummary';

/** The meters of one resource in `container`, as `{ against, text, tone }`. */
function meters(container: HTMLElement, resource: 'cpu' | 'memory') {
  const block = within(container)
    .getAllByTestId('usage-meters')
    .find(b => b.getAttribute('data-resource') === resource)!;
  return {
    block,
    meters: within(block)
      .getAllByRole('meter')
      .map(m => ({
        against: m.getAttribute('data-against'),
        text: m.textContent,
        tone: m.getAttribute('data-tone'),
        label: m.getAttribute('aria-label'),
      })),
  };
}

/**
 * A captured detail as the backend answers when the cluster has no figures: the view builders
 * leave usage out and say the metrics state (reasons as PodMetricsReader and WatchCache word them).
 */
function withoutFigures(
  detail: WorkloadDetail,
  metrics: MetricsStatus,
): WorkloadDetail {
  const { usage: _usage, ...workload } = detail.workload;
  return {
    ...detail,
    metrics,
    workload,
    pods: detail.pods.map(({ cpuMillicores: _c, memoryBytes: _m, ...pod }) => ({
      ...pod,
      containers: pod.containers.map(
        ({ cpuMillicores: _cc, memoryBytes: _mm, ...c }) => c,
      ),
    })),
  };
}

/** How a cluster without metrics-server answers: the reason as PodMetricsReader words it. */
const noMetricsServer: MetricsStatus = {
  state: 'unavailable',
  reason:
    'the cluster serves no metrics.k8s.io API (is metrics-server installed?)',
};

/** Renders the drawer header's usage summary of `detail`. */
function renderUsageSummary(detail: WorkloadDetail) {
  return render(
    <WorkloadUsageSummary
      usage={detail.workload.usage}
      metrics={detail.metrics}
    />,
  );
}

describe('CPU and memory (captured from the fleet with metrics-server)', () => {
  it('pods table: each pod’s CPU and memory with bars against its request and limit', () => {
    render(
      <PodsTable pods={capturedMetricsProdDetail.pods} onShowLogs={() => {}} />,
    );
    const table = screen.getByRole('table', { name: 'Pods' });
    expect(
      within(table).getByRole('columnheader', { name: 'CPU' }),
    ).toBeInTheDocument();
    const rows = within(table).getAllByTestId('pod-row');
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      const cpu = meters(row, 'cpu');
      expect(cpu.block).toHaveTextContent(/^250m/);
      // checkout sets a CPU request (100m) and no CPU limit: one bar, amber above the request.
      expect(cpu.meters).toEqual([
        {
          against: 'request',
          text: '250% of request 100m',
          tone: 'warning',
          label: 'CPU 250m: 250% of request 100m',
        },
      ]);
      const memory = meters(row, 'memory');
      expect(memory.block).toHaveTextContent(/^180 MiB/);
      expect(memory.meters.map(m => [m.against, m.text, m.tone])).toEqual([
        ['request', '141% of request 128 MiB', 'warning'],
        ['limit', '70% of limit 256 MiB', 'ok'],
      ]);
    }
  });

  it('pods table: a container near its memory limit shows red, beside its MemoryNearLimit problem', () => {
    render(
      <PodsTable
        pods={capturedNotificationsNearLimitDetail.pods}
        onShowLogs={() => {}}
      />,
    );
    const [row] = screen.getAllByTestId('pod-row');
    const limit = meters(row, 'memory').meters.find(m => m.against === 'limit');
    expect(limit).toMatchObject({
      text: '92% of limit 256 MiB',
      tone: 'error',
    });
    expect(meters(row, 'cpu').meters).toEqual([
      expect.objectContaining({ text: '2% of request 100m', tone: 'ok' }),
    ]);
    expect(
      capturedNotificationsNearLimitDetail.workload.problems.map(p => p.code),
    ).toContain('MemoryNearLimit');
  });

  it('pods table: no CPU or memory columns when no pod has figures', () => {
    const detail = withoutFigures(capturedMetricsProdDetail, noMetricsServer);
    render(<PodsTable pods={detail.pods} onShowLogs={() => {}} />);
    expect(
      screen.queryByRole('columnheader', { name: 'CPU' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByTestId('usage-meters')).not.toBeInTheDocument();
  });

  it('workload: the sums against the pods’ requests and limits, and how many pods have figures', () => {
    renderUsageSummary(capturedMetricsProdDetail);
    const summary = screen.getByTestId('workload-usage');
    expect(meters(summary, 'cpu').meters.map(m => m.text)).toEqual([
      '250% of requests 300m',
    ]);
    expect(meters(summary, 'memory').block).toHaveTextContent(/^540 MiB/);
    expect(meters(summary, 'memory').meters.map(m => m.text)).toEqual([
      '141% of requests 384 MiB',
      '70% of limits 768 MiB',
    ]);
    expect(summary).toHaveTextContent('from 3 of 3 pods');
    expect(summary).toHaveAccessibleName(
      'Usage: CPU 750m (250% of requests 300m, no limit), memory 540 MiB (141% of requests 384 MiB, 70% of limits 768 MiB)',
    );
    expect(screen.queryByTestId('metrics-note')).not.toBeInTheDocument();
  });

  it.each([
    [
      'unavailable',
      noMetricsServer,
      'No CPU and memory figures: the cluster serves no metrics.k8s.io API (is metrics-server installed?)',
    ],
    [
      'skipped',
      {
        state: 'skipped',
        reason: "skipMetricsLookup is set for cluster 'prod-us'",
      },
      "CPU and memory are not looked up in this cluster: skipMetricsLookup is set for cluster 'prod-us'",
    ],
    [
      'pending',
      { state: 'pending' },
      'CPU and memory will show after the first metrics fetch.',
    ],
  ] as Array<[string, MetricsStatus, string]>)(
    'a %s cluster says why in a short note, not an error',
    (_, metrics, text) => {
      renderUsageSummary(withoutFigures(capturedMetricsProdDetail, metrics));
      const note = screen.getByRole('note');
      expect(note).toHaveTextContent(text);
      expect(note).toHaveAttribute('data-state', metrics.state);
      expect(screen.queryByTestId('workload-usage')).not.toBeInTheDocument();
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    },
  );

  it('metrics that answered for some namespaces only say so beside the figures', () => {
    render(
      <MetricsNote
        metrics={{
          state: 'ok',
          fetchedAt: capturedMetricsProdDetail.metrics!.fetchedAt,
          reason:
            'GET /apis/metrics.k8s.io/v1beta1/namespaces/secret/pods failed with HTTP 403',
        }}
      />,
    );
    expect(screen.getByRole('note')).toHaveTextContent(
      'Metrics are partial: GET /apis/metrics.k8s.io/v1beta1/namespaces/secret/pods failed with HTTP 403',
    );
  });

  it('drawer: opening checkout in prod-us shows the workload’s usage in the header and bars per pod', async () => {
    const api = new FakeMulticlusterApi(capturedMetricsView);
    api.detail = capturedMetricsProdDetail;
    await renderWithEntity(<MulticlusterContent />, api);
    const cell = screen.getByTestId('cell-checkout-prod-us');
    // The matrix cell's tooltip carries the workload's usage too.
    expect(cell.getAttribute('title')).toMatch(
      /\. CPU 750m \(250% of requests 300m, no limit\), memory 540 MiB \(141% of requests 384 MiB, 70% of limits 768 MiB\)$/,
    );
    const drawer = await openCell('checkout', 'prod-us');
    const header = await within(drawer).findByTestId('workload-usage');
    expect(header).toHaveTextContent('from 3 of 3 pods');
    await userEvent.click(
      within(drawer).getByRole('tab', { name: 'Pods (3)' }),
    );
    const rows = within(drawer).getAllByTestId('pod-row');
    expect(within(rows[0]).getAllByRole('meter')).toHaveLength(3);
  });

  it('drawer: an unavailable cluster shows the note and the pods without figures, never an error page', async () => {
    const api = new FakeMulticlusterApi(capturedMetricsView);
    api.detail = withoutFigures(capturedMetricsProdDetail, noMetricsServer);
    const drawer = await openDrawerInTab(api, 'checkout', 'prod-us');
    expect(await within(drawer).findByRole('note')).toHaveTextContent(
      'is metrics-server installed?',
    );
    await userEvent.click(
      within(drawer).getByRole('tab', { name: 'Pods (3)' }),
    );
    expect(within(drawer).getAllByTestId('pod-row')).toHaveLength(3);
    expect(within(drawer).queryByRole('meter')).not.toBeInTheDocument();
    expect(
      within(drawer).queryByText(/Could not load/),
    ).not.toBeInTheDocument();
  });
});
