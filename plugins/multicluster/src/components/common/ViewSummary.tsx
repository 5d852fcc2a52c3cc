import Typography from '@material-ui/core/Typography';
import { EntityView } from '@kubeplatform/clusters-common';
import { clusterBadge } from '../../view/clusterStatus';

/** One sentence: how many clusters, how many need attention, and whether versions drift. */
export function ViewSummary({ view }: { view: EntityView }) {
  const badges = view.clusters.map(clusterBadge);
  const count = (label: string) => badges.filter(b => b.label === label).length;
  const errors = count('Error');
  const warnings = count('Warning');
  const noData = badges.filter(
    b => b.tone === 'error' && b.label !== 'Error',
  ).length;
  const parts = [
    `${view.clusters.length} cluster${view.clusters.length === 1 ? '' : 's'}`,
    errors ? `${errors} with errors` : '',
    warnings ? `${warnings} with warnings` : '',
    noData ? `${noData} without data` : '',
    view.drift.length
      ? `image drift in ${view.drift.length} container${
          view.drift.length === 1 ? '' : 's'
        }`
      : '',
  ].filter(Boolean);
  return (
    <Typography variant="body2" data-testid="view-summary">
      {parts.join(' · ')}
    </Typography>
  );
}
