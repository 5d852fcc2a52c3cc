import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useEntityAddress } from '../../hooks/useEntityAddress';
import { useLiveEntityView } from '../../hooks/useLiveEntityView';
import { AnnotationEmptyState } from '../common/AnnotationEmptyState';
import { LiveStatus } from '../common/LiveStatus';
import { EntityViewPending } from '../common/EntityViewPending';
import { ViewSummary } from '../common/ViewSummary';
import { ClusterTable } from './ClusterTable';

/** The entity overview card: "Kubernetes across clusters", error first. */
export function MulticlusterCard() {
  const address = useEntityAddress();
  const live = useLiveEntityView(address);
  const { view, connection, retry } = live;

  let body: JSX.Element;
  if (view?.explanation) {
    body = (
      <AnnotationEmptyState
        entityName={address.name}
        explanation={view.explanation}
      />
    );
  } else if (view) {
    body =
      view.clusters.length === 0 ? (
        <Typography variant="body2">
          No cluster is configured, or none allows this entity's namespaces.
        </Typography>
      ) : (
        <>
          <ViewSummary view={view} />
          <ClusterTable view={view} />
        </>
      );
  } else {
    body = <EntityViewPending live={live} skeletonRows={3} />;
  }

  return (
    <InfoCard title="Kubernetes across clusters" noPadding={false}>
      <Box mb={1}>
        <LiveStatus connection={connection} onRetry={retry} />
      </Box>
      {body}
    </InfoCard>
  );
}
