import { kstatusHealth } from './kstatus';
import type { TrimmedCustomResource } from './types';

/** A Config Connector-style resource following kstatus's conventions. */
function resource(
  status: TrimmedCustomResource['status'],
  metadata: TrimmedCustomResource['metadata'] = {},
): TrimmedCustomResource {
  return {
    apiVersion: 'storage.cnrm.cloud.google.com/v1beta1',
    kind: 'StorageBucket',
    metadata: { name: 'assets', namespace: 'shop', generation: 3, ...metadata },
    status,
  };
}

const at = '2026-11-30T10:00:00Z';

describe('kstatusHealth', () => {
  it('is Terminating while a deletion is in progress', () => {
    expect(
      kstatusHealth(
        resource({}, { deletionTimestamp: '2026-11-30T11:00:00Z' }),
      ),
    ).toMatchObject({ status: 'Terminating', rule: 'kstatus' });
  });

  it('is InProgress while observedGeneration is behind generation, whatever Ready says', () => {
    expect(
      kstatusHealth(
        resource({
          observedGeneration: 2,
          conditions: [{ type: 'Ready', status: 'True' }],
        }),
      ),
    ).toEqual({
      status: 'InProgress',
      reason: 'LatestGenerationNotObserved',
      message:
        'StorageBucket generation is 3, but latest observed generation is 2',
      rule: 'kstatus',
    });
  });

  it('is InProgress when Reconciling is True', () => {
    expect(
      kstatusHealth(
        resource({
          observedGeneration: 3,
          conditions: [
            {
              type: 'Reconciling',
              status: 'True',
              reason: 'Updating',
              message: 'Update in progress',
              lastTransitionTime: at,
            },
            { type: 'Ready', status: 'False', reason: 'Updating' },
          ],
        }),
      ),
    ).toEqual({
      status: 'InProgress',
      reason: 'Updating',
      message: 'Update in progress',
      since: '2026-11-30T10:00:00.000Z',
      rule: 'kstatus',
    });
  });

  it('is Failed when Stalled is True', () => {
    expect(
      kstatusHealth(
        resource({
          observedGeneration: 3,
          conditions: [
            {
              type: 'Stalled',
              status: 'True',
              reason: 'UpdateFailed',
              message: 'bucket name already taken',
            },
            { type: 'Ready', status: 'False' },
          ],
        }),
      ),
    ).toMatchObject({
      status: 'Failed',
      reason: 'UpdateFailed',
      message: 'bucket name already taken',
    });
  });

  it('is Current when Ready is True, Failed when Ready is False, InProgress when Unknown', () => {
    const ready = (status: string) =>
      kstatusHealth(
        resource({
          observedGeneration: 3,
          conditions: [{ type: 'Ready', status, reason: 'R', message: 'm' }],
        }),
      ).status;
    expect(ready('True')).toBe('Current');
    expect(ready('False')).toBe('Failed');
    expect(ready('Unknown')).toBe('InProgress');
  });

  it('is Current with no conditions, as kstatus has it for types without conventions', () => {
    expect(kstatusHealth(resource(undefined))).toEqual({
      status: 'Current',
      message: 'Resource is current',
      rule: 'kstatus',
    });
  });

  it('reads a numeric string observedGeneration', () => {
    expect(kstatusHealth(resource({ observedGeneration: '1' })).status).toBe(
      'InProgress',
    );
  });
});
