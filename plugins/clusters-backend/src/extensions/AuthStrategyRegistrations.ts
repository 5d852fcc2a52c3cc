import {
  ClusterAuthStrategy,
  ClusterAuthStrategyFactory,
  clustersAuthStrategyExtensionPoint,
  ClustersAuthStrategyExtensionPoint,
} from '@kubeplatform/clusters-node';

/** What modules registered on {@link clustersAuthStrategyExtensionPoint}, keyed by authProvider. */
export class AuthStrategyRegistrations
  implements ClustersAuthStrategyExtensionPoint
{
  private readonly registered = new Map<
    string,
    ClusterAuthStrategy | ClusterAuthStrategyFactory
  >();

  addAuthStrategy(
    authProvider: string,
    strategy: ClusterAuthStrategy | ClusterAuthStrategyFactory,
  ): void {
    if (this.registered.has(authProvider)) {
      throw new Error(
        `${clustersAuthStrategyExtensionPoint.id}: an auth strategy for authProvider '${authProvider}' is already registered; each authProvider may be registered once (use a factory to wrap the built-in strategy)`,
      );
    }
    this.registered.set(authProvider, strategy);
  }

  /** The built-in strategies with the registered ones added, replacing or wrapping them. */
  async resolve(
    builtIns: ReadonlyMap<string, ClusterAuthStrategy>,
  ): Promise<Map<string, ClusterAuthStrategy>> {
    const strategies = new Map(builtIns);
    for (const [authProvider, registered] of this.registered) {
      if (typeof registered !== 'function') {
        strategies.set(authProvider, registered);
        continue;
      }
      const getDefault = () => {
        const builtIn = builtIns.get(authProvider);
        if (!builtIn) {
          throw new Error(
            `${clustersAuthStrategyExtensionPoint.id}: there is no built-in auth strategy for authProvider '${authProvider}' to wrap`,
          );
        }
        return builtIn;
      };
      strategies.set(authProvider, await registered({ getDefault }));
    }
    return strategies;
  }
}
