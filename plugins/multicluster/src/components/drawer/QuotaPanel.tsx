import LinearProgress from '@material-ui/core/LinearProgress';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { ResourceQuotaSummary } from '@kubeplatform/clusters-common';
import { healthLabel } from '../../view/clusterStatus';
import { StatusBadge } from '../common/StatusBadge';

/** The ResourceQuotas of the workload's namespace: each resource's use against its limit. */
export function QuotaPanel(props: { quotas?: ResourceQuotaSummary[] }) {
  const quotas = props.quotas ?? [];
  if (!quotas.length) {
    return (
      <Typography variant="body2" color="textSecondary" data-testid="quotas">
        No ResourceQuota limits this namespace.
      </Typography>
    );
  }
  return (
    <div data-testid="quotas">
      {quotas.map(quota => (
        <Table
          key={`${quota.namespace}/${quota.name}`}
          size="small"
          aria-label={`ResourceQuota ${quota.name}`}
          data-testid="quota"
        >
          <TableHead>
            <TableRow>
              <TableCell>
                {quota.name}{' '}
                <StatusBadge
                  status={{
                    ...healthLabel(quota.health),
                    ...(quota.problems[0] && {
                      detail: quota.problems[0].message,
                    }),
                  }}
                />
              </TableCell>
              <TableCell>Used / limit</TableCell>
              <TableCell style={{ width: '35%' }}>Use</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {quota.resources.map(r => {
              const percent =
                r.fraction === undefined
                  ? undefined
                  : Math.round(r.fraction * 100);
              return (
                <TableRow
                  key={r.resource}
                  data-testid="quota-resource"
                  data-at-limit={r.atLimit}
                >
                  <TableCell>{r.resource}</TableCell>
                  <TableCell>
                    {r.used} / {r.hard}
                    {r.atLimit ? ' — at limit' : ''}
                  </TableCell>
                  <TableCell>
                    {percent !== undefined && (
                      <LinearProgress
                        variant="determinate"
                        value={Math.min(100, percent)}
                        color={r.atLimit ? 'secondary' : 'primary'}
                        aria-label={`${r.resource} ${percent}% used`}
                      />
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      ))}
    </div>
  );
}
