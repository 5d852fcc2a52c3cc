import { KubernetesConnection } from '../connection/KubernetesConnection';
import { KubernetesRequestError } from '../connection/KubernetesRequestError';
import { HealthProbe } from './HealthProbe';

function probeFailingWith(error: unknown) {
  const connection = {
    getJson: jest.fn().mockRejectedValue(error),
  } as unknown as KubernetesConnection;
  const onDown = jest.fn();
  const probe = new HealthProbe(connection, {
    intervalMs: 0,
    requestTimeoutMs: 100,
    onDown,
  });
  return { probe, onDown };
}

describe('HealthProbe', () => {
  it.each(['timeout', 'unreachable'] as const)(
    'reports a cluster down on %s',
    async kind => {
      const error = new KubernetesRequestError(kind, 'GET /version failed');
      const { probe, onDown } = probeFailingWith(error);
      await probe.probe();
      expect(onDown).toHaveBeenCalledWith(error);
    },
  );

  it('does not report a cluster that answers with an error status', async () => {
    const { probe, onDown } = probeFailingWith(
      new KubernetesRequestError('forbidden', 'GET /version: 403'),
    );
    await probe.probe();
    expect(onDown).not.toHaveBeenCalled();
  });

  it('ignores errors that are not request errors', async () => {
    const { probe, onDown } = probeFailingWith(new Error('kubeconfig'));
    await probe.probe();
    expect(onDown).not.toHaveBeenCalled();
  });
});
