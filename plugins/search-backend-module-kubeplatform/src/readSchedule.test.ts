import { mockServices } from '@backstage/backend-test-utils';
import { readSchedule } from './readSchedule';

const fallback = {
  frequency: { minutes: 1 },
  timeout: { minutes: 5 },
  initialDelay: { seconds: 20 },
};

describe('readSchedule', () => {
  it('uses the stated default without config', () => {
    expect(
      readSchedule(
        mockServices.rootConfig(),
        'kubeplatformEnvironments',
        fallback,
      ),
    ).toEqual(fallback);
  });

  it('reads search.collators.<key>.schedule', () => {
    const config = mockServices.rootConfig({
      data: {
        search: {
          collators: {
            kubeplatformEnvironments: {
              schedule: { frequency: { seconds: 30 }, timeout: { minutes: 1 } },
            },
          },
        },
      },
    });
    expect(readSchedule(config, 'kubeplatformEnvironments', fallback)).toEqual({
      frequency: { seconds: 30 },
      timeout: { minutes: 1 },
    });
    expect(readSchedule(config, 'kubeplatformWorkloads', fallback)).toEqual(
      fallback,
    );
  });
});
