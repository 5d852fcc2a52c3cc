import { CodeSnippet } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { KUBERNETES_ID_ANNOTATION } from '@kubeplatform/clusters-common';
import { EntityViewExplanation } from '@kubeplatform/clusters-common';

/** The YAML to add when the backend did not send an example of its own. */
export function annotationExample(entityName: string): string {
  return [
    'metadata:',
    '  annotations:',
    `    ${KUBERNETES_ID_ANNOTATION}: ${entityName}`,
  ].join('\n');
}

/**
 * Shown instead of an error when the entity cannot be matched to workloads: what is missing and
 * the exact YAML that fixes it.
 */
export function AnnotationEmptyState(props: {
  entityName: string;
  explanation?: EntityViewExplanation;
}) {
  const { explanation } = props;
  const yaml = explanation?.example ?? annotationExample(props.entityName);
  return (
    <div data-testid="annotation-empty-state">
      <Typography variant="subtitle1" component="h3" gutterBottom>
        {explanation?.code === 'InvalidLabelSelector'
          ? 'The label selector annotation is not valid'
          : 'This entity is not linked to any Kubernetes workload'}
      </Typography>
      <Typography variant="body2" paragraph>
        {explanation?.message ??
          `Add the ${KUBERNETES_ID_ANNOTATION} annotation to catalog-info.yaml, and the label ` +
            `${KUBERNETES_ID_ANNOTATION} with the same value to your workloads.`}
      </Typography>
      <Typography variant="body2">Add this to catalog-info.yaml:</Typography>
      <CodeSnippet text={yaml} language="yaml" showCopyCodeButton />
    </div>
  );
}
