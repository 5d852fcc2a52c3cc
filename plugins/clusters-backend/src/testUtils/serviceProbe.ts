import {
  BackendFeature,
  createBackendModule,
  ServiceRef,
} from '@backstage/backend-plugin-api';

/**
 * The services of a {@link serviceProbe}, by the names its `deps` give them.
 *
 * @public
 */
export type ProbedServices<
  TDeps extends { [name in string]: ServiceRef<unknown> },
> = { [name in keyof TDeps]: TDeps[name]['T'] };

/**
 * For tests: hands over the services `deps` names, as the plugin `pluginId` receives them. Add
 * `feature` to the test backend (one probe per plugin); once the backend has started,
 * `services()` returns them.
 *
 * @public
 */
export function serviceProbe<
  TDeps extends {
    [name in string]: ServiceRef<unknown, 'root' | 'plugin', 'singleton'>;
  },
>(
  pluginId: string,
  deps: TDeps,
): {
  feature: BackendFeature;
  services(): ProbedServices<TDeps>;
} {
  let received: unknown;
  const feature = createBackendModule({
    pluginId,
    moduleId: 'test-service-probe',
    register(env) {
      env.registerInit({
        deps,
        async init(services) {
          received = services;
        },
      });
    },
  });
  return {
    feature,
    services() {
      if (!received) {
        throw new Error(
          `serviceProbe: the ${pluginId} plugin has not started; add the probe's feature to a backend and start it`,
        );
      }
      return received as ProbedServices<TDeps>;
    },
  };
}
