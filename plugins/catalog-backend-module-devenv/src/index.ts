/**
 * Entity provider: development environments and clusters as catalog Resources.
 *
 * @packageDocumentation
 */

export { catalogModuleDevenv as default } from './module';
export { DevenvEntityProvider } from './provider/DevenvEntityProvider';
export {
  clusterEntity,
  clusterEntityName,
  environmentEntity,
} from './provider/environmentEntities';
