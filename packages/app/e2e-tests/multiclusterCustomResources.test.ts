import { expect, test } from '@playwright/test';
import { openMulticlusterTab, saveScreenshot } from './helpers';
import { kubectl } from './localClusters';

/**
 * Issue 13 (#5) against ./scripts/start's app and the real local clusters. The demo config
 * watches Argo Rollouts and cert-manager Certificates (kubernetes.customResources), and
 * `yarn clusters up` seeds checkout's Rollout and Certificate: healthy in dev-eu, broken in
 * prod-us. The Clusters tab shows them with their health; when the prod-us Certificate's status
 * turns Ready (written through the status subresource, as cert-manager would), its chip turns
 * Current live. The original status is written back afterwards.
 */

const certificate = [
  'certificates.cert-manager.io',
  'checkout-tls',
  '-n',
  'shop',
];

function patchCertificateStatus(status: unknown) {
  kubectl('prod-us', [
    'patch',
    ...certificate,
    '--subresource=status',
    '--type=merge',
    '-p',
    JSON.stringify({ status }),
  ]);
}

test("checkout's custom resources appear with their health, and follow a status change live", async ({
  page,
}) => {
  const original = JSON.parse(
    kubectl('prod-us', ['get', ...certificate, '-o', 'json']),
  ).status;
  try {
    await openMulticlusterTab(page, 'checkout');

    const panel = page.getByTestId('custom-resources');
    await expect(panel).toBeVisible();
    const row = (cluster: string, kind: string) =>
      panel.locator(
        `[data-testid="custom-resource"][data-cluster="${cluster}"][data-kind="${kind}"]`,
      );

    // prod-us: the broken Rollout (phase Degraded) and the failing Certificate.
    const rollout = row('prod-us', 'Rollout');
    await expect(rollout).toHaveAttribute('data-health', 'Failed');
    await expect(rollout.getByTestId('custom-resource-health')).toHaveText(
      'Failed',
    );
    await expect(rollout).toContainText('phase Degraded');
    await expect(rollout).toContainText('ProgressDeadlineExceeded');
    const failing = row('prod-us', 'Certificate');
    await expect(failing).toHaveAttribute('data-health', 'Failed');
    await expect(failing).toContainText(
      'DoesNotExist: Issuing certificate as Secret does not exist',
    );

    // dev-eu: both healthy.
    await expect(row('dev-eu', 'Rollout')).toHaveAttribute(
      'data-health',
      'Current',
    );
    await expect(row('dev-eu', 'Certificate')).toHaveAttribute(
      'data-health',
      'Current',
    );
    await saveScreenshot(page, 'multicluster-tab-custom-resources');

    // The certificate is issued: the watch brings the new status, the chip follows.
    patchCertificateStatus({
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'Ready',
          message: 'Certificate is up to date and has not expired',
          lastTransitionTime: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
        },
      ],
    });
    await expect(failing).toHaveAttribute('data-health', 'Current', {
      timeout: 20_000,
    });
    await expect(failing.getByTestId('custom-resource-health')).toHaveText(
      'Current',
    );
  } finally {
    patchCertificateStatus(original);
  }
});
