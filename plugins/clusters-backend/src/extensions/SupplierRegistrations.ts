import {
  ClusterSupplier,
  ClusterSuppliersFactory,
  clustersSupplierExtensionPoint,
  ClustersSupplierExtensionPoint,
} from '@kubeplatform/clusters-node';

/** What modules registered on {@link clustersSupplierExtensionPoint}. */
export class SupplierRegistrations implements ClustersSupplierExtensionPoint {
  private readonly added: ClusterSupplier[] = [];
  private replacement?: ClusterSuppliersFactory;

  addClusterSupplier(supplier: ClusterSupplier): void {
    this.added.push(supplier);
  }

  setClusterSuppliers(factory: ClusterSuppliersFactory): void {
    if (this.replacement) {
      throw new Error(
        `${clustersSupplierExtensionPoint.id}: setClusterSuppliers was already called by another module; the built-in cluster sources can be replaced once`,
      );
    }
    this.replacement = factory;
  }

  /** The built-in sources, or what replaced them, followed by the added ones. */
  async resolve(defaults: ClusterSupplier[]): Promise<ClusterSupplier[]> {
    const base = this.replacement
      ? await this.replacement({ getDefaults: () => [...defaults] })
      : defaults;
    return [...base, ...this.added];
  }
}
