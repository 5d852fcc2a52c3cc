/**
 * Test utilities: catalog cluster entities and cluster sources, as tests of the clusters service
 * and of plugins built on it need them. For tests only.
 *
 * @packageDocumentation
 */

export { kubernetesClusterEntity } from './kubernetesClusterEntity';
export { oneClusterSupplier } from './oneClusterSupplier';
