/**
 * Development environments for Backstage: the Environments page, the environment entity card,
 * the KubeplatformClusterPicker template field and search result items.
 *
 * @packageDocumentation
 */

export {
  devenvPlugin,
  DevenvPage,
  EntityEnvironmentCard,
  EntityRequestEnvironmentCard,
  KubeplatformClusterPickerFieldExtension,
  WorkloadSearchResultListItem,
  EnvironmentSearchResultListItem,
} from './plugin';
export { DevenvClient, devenvApiRef } from './api';
export type { DevenvApi, DevenvClientOptions, EnvironmentList } from './api';
export { isEnvironmentEntity } from './components/card/environmentAddress';
export {
  WORKLOAD_DOCUMENT_TYPE,
  ENVIRONMENT_DOCUMENT_TYPE,
} from './components/search/documents';
export type {
  WorkloadSearchDocument,
  EnvironmentSearchDocument,
} from './components/search/documents';
