import { platformEnvironmentState } from './status';

describe('platformEnvironmentState', () => {
  it.each([
    [
      {
        deleting: true,
        annotations: { 'kubeplatform.io/phase': 'provisioning' },
      },
      'deleting',
    ],
    [
      {
        deleting: false,
        annotations: { 'kubeplatform.io/phase': 'provisioning' },
      },
      'provisioning',
    ],
    [
      {
        deleting: false,
        annotations: {
          'kubeplatform.io/phase': 'failed',
          'kubeplatform.io/sleeping': 'manual',
        },
      },
      'failed',
    ],
    [
      {
        deleting: false,
        annotations: {
          'kubeplatform.io/phase': 'ready',
          'kubeplatform.io/sleeping': 'schedule',
        },
      },
      'sleeping',
    ],
  ])('%j is %s', (anchor, status) => {
    expect(platformEnvironmentState(anchor)?.status).toBe(status);
  });

  it('leaves readiness to the class', () => {
    expect(
      platformEnvironmentState({
        deleting: false,
        annotations: { 'kubeplatform.io/phase': 'ready' },
      }),
    ).toBeUndefined();
    expect(platformEnvironmentState({ deleting: false })).toBeUndefined();
  });
});
