import { testSettings } from '../__fixtures__/settings';
import { buildEnvironmentClasses } from './buildEnvironmentClasses';

const classes = buildEnvironmentClasses(testSettings());
const namespaceClass = classes.get('namespace')!;
const claimClass = classes.get('environment-claim')!;

function anchor(extra: {
  annotations?: Record<string, string>;
  deletionTimestamp?: Date;
  status?: unknown;
}) {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: 'x',
      annotations: extra.annotations,
      deletionTimestamp: extra.deletionTimestamp,
    },
    status: extra.status,
  };
}

describe('the status every class shares', () => {
  it.each([
    ['provisioning', { 'kubeplatform.io/phase': 'provisioning' }],
    ['failed', { 'kubeplatform.io/phase': 'failed' }],
    ['sleeping', { 'kubeplatform.io/sleeping': 'manual' }],
  ])('both classes read %s from the annotations', (status, annotations) => {
    expect(namespaceClass.statusOf(anchor({ annotations })).status).toBe(
      status,
    );
    expect(claimClass.statusOf(anchor({ annotations })).status).toBe(status);
  });

  it('each class says how its anchor shows deletion', () => {
    expect(
      namespaceClass.statusOf(anchor({ status: { phase: 'Terminating' } }))
        .status,
    ).toBe('deleting');
    expect(
      claimClass.statusOf(anchor({ deletionTimestamp: new Date() })).status,
    ).toBe('deleting');
  });

  it('each class decides readiness when no annotation does', () => {
    expect(namespaceClass.statusOf(anchor({})).status).toBe('ready');
    expect(claimClass.statusOf(anchor({}))).toEqual({
      status: 'pending',
      message: 'waiting for Ready',
    });
    expect(
      claimClass.statusOf(
        anchor({
          status: { conditions: [{ type: 'Ready', status: 'True' }] },
        }),
      ).status,
    ).toBe('ready');
  });
});
