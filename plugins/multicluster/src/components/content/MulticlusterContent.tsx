import { InfoCard } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { Problem } from '@kubeplatform/clusters-common';
import { useCallback, useMemo, useState } from 'react';
import { useEntityAddress } from '../../hooks/useEntityAddress';
import { useLiveEntityView } from '../../hooks/useLiveEntityView';
import { clusterProblems } from '../../view/clusterSummary';
import { AnnotationEmptyState } from '../common/AnnotationEmptyState';
import { LiveStatus } from '../common/LiveStatus';
import { ProblemList } from '../common/ProblemList';
import { EntityViewPending } from '../common/EntityViewPending';
import { ViewSummary } from '../common/ViewSummary';
import { DrawerTarget, WorkloadDrawer } from '../drawer/WorkloadDrawer';
import { CustomResourcesPanel } from './CustomResourcesPanel';
import { DriftTable } from './DriftTable';
import { CellSelection, WorkloadMatrix } from './WorkloadMatrix';
import { EntityView } from '@kubeplatform/clusters-common';
import { compareProblemsCauseFirst } from '../../view/problemOrder';
import { podOwnersFromView } from '../../view/problemGroups';

function allProblems(view: EntityView): Problem[] {
  return view.clusters
    .flatMap(c =>
      clusterProblems(c).map(p => ({
        ...p,
        cluster: p.cluster ?? c.cluster.name,
      })),
    )
    .sort(compareProblemsCauseFirst);
}

/** The entity's "Clusters" tab: problems, drift, and the workload × cluster matrix with its drawer. */
export function MulticlusterContent() {
  const address = useEntityAddress();
  const live = useLiveEntityView(address);
  const { view, connection, retry } = live;
  const [target, setTarget] = useState<DrawerTarget>();
  const openCell = useCallback(
    ({ cluster, row }: CellSelection) =>
      setTarget({
        cluster,
        workload: { kind: row.kind, namespace: row.namespace, name: row.name },
      }),
    [],
  );
  const closeDrawer = useCallback(() => setTarget(undefined), []);
  const problems = useMemo(() => (view ? allProblems(view) : []), [view]);
  const ownerOf = useMemo(
    () => (view ? podOwnersFromView(view) : undefined),
    [view],
  );

  let body: JSX.Element;
  if (view?.explanation) {
    body = (
      <InfoCard title="Kubernetes across clusters">
        <AnnotationEmptyState
          entityName={address.name}
          explanation={view.explanation}
        />
      </InfoCard>
    );
  } else if (view) {
    body = (
      <Grid container spacing={2}>
        <Grid item xs={12} lg={view.drift.length ? 7 : 12}>
          <InfoCard title={`Problems (${problems.length})`}>
            <ProblemList
              problems={problems}
              initiallyShown={5}
              ownerOf={ownerOf}
            />
          </InfoCard>
        </Grid>
        {view.drift.length > 0 && (
          <Grid item xs={12} lg={5}>
            <InfoCard title="Image drift">
              <DriftTable drift={view.drift} />
            </InfoCard>
          </Grid>
        )}
        {view.clusters.some(c => c.customResources?.length) && (
          <Grid item xs={12}>
            <InfoCard title="Custom resources">
              <CustomResourcesPanel view={view} />
            </InfoCard>
          </Grid>
        )}
        <Grid item xs={12}>
          <InfoCard title="Workloads by cluster">
            <Typography variant="caption" color="textSecondary" paragraph>
              Arrow keys move between cells; Enter opens the workload's pods,
              events and logs.
            </Typography>
            <WorkloadMatrix view={view} onOpen={openCell} />
          </InfoCard>
        </Grid>
      </Grid>
    );
  } else {
    body = <EntityViewPending live={live} skeletonRows={8} />;
  }

  return (
    <div data-testid="multicluster-content">
      <Grid container spacing={1}>
        <Grid item xs={12}>
          <LiveStatus connection={connection} onRetry={retry} />
          {view && !view.explanation && <ViewSummary view={view} />}
        </Grid>
        <Grid item xs={12}>
          {body}
        </Grid>
      </Grid>
      <WorkloadDrawer
        entity={address}
        target={target}
        refreshKey={view?.generatedAt}
        onClose={closeDrawer}
      />
    </div>
  );
}
