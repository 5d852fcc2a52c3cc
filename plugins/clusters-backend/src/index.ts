/**
 * The clusters backend plugin: owns the clusters service's extension points (cluster sources,
 * auth strategies), the catalog cluster source and the watch cache.
 *
 * @packageDocumentation
 */

export { clustersPlugin as default } from './plugin';
export { clustersConfigReportReadPermission } from './permissions';
