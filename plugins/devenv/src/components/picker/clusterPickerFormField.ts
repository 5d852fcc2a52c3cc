import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import {
  KUBEPLATFORM_CLUSTER_PICKER,
  KubeplatformClusterPicker,
} from './KubeplatformClusterPicker';

/** The picker as a new-frontend-system form field. */
export const clusterPickerFormField = createFormField({
  name: KUBEPLATFORM_CLUSTER_PICKER,
  component: KubeplatformClusterPicker,
});
