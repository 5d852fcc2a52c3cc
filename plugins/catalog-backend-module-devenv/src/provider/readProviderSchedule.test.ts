import { mockServices } from '@backstage/backend-test-utils';
import {
  DEFAULT_PROVIDER_SCHEDULE,
  readProviderSchedule,
} from './readProviderSchedule';

describe('readProviderSchedule', () => {
  it('uses the stated default without config', () => {
    expect(readProviderSchedule(mockServices.rootConfig())).toEqual(
      DEFAULT_PROVIDER_SCHEDULE,
    );
  });

  it('reads catalog.providers.kubeplatformDevenv.schedule', () => {
    const config = mockServices.rootConfig({
      data: {
        catalog: {
          providers: {
            kubeplatformDevenv: {
              schedule: {
                frequency: { minutes: 2 },
                timeout: { minutes: 1 },
              },
            },
          },
        },
      },
    });
    expect(readProviderSchedule(config)).toEqual({
      frequency: { minutes: 2 },
      timeout: { minutes: 1 },
    });
  });

  it('refuses a schedule without a frequency, naming the key', () => {
    const config = mockServices.rootConfig({
      data: {
        catalog: {
          providers: {
            kubeplatformDevenv: { schedule: { timeout: { minutes: 1 } } },
          },
        },
      },
    });
    expect(() => readProviderSchedule(config)).toThrow(/frequency/);
  });
});
