import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { AutoscalerSummary } from '@kubeplatform/clusters-common';
import { HeadroomBar } from '../common/HeadroomBar';

/** The HorizontalPodAutoscaler's numbers, with the headroom bar. */
export function AutoscalerDetails({
  autoscaler,
}: {
  autoscaler?: AutoscalerSummary;
}) {
  if (!autoscaler) {
    return (
      <Typography variant="body2" color="textSecondary">
        No HorizontalPodAutoscaler targets this workload.
      </Typography>
    );
  }
  const rows: Array<[string, string | number]> = [
    ['Name', autoscaler.name],
    ['Current replicas', autoscaler.currentReplicas],
    ['Desired replicas', autoscaler.desiredReplicas],
    ['Min / max', `${autoscaler.minReplicas} / ${autoscaler.maxReplicas}`],
    [
      'Headroom',
      `${autoscaler.headroom} replica${autoscaler.headroom === 1 ? '' : 's'}`,
    ],
  ];
  if (autoscaler.targetCpuUtilization !== undefined) {
    rows.push([
      'CPU (current / target)',
      `${autoscaler.currentCpuUtilization ?? '?'}% / ${
        autoscaler.targetCpuUtilization
      }%`,
    ]);
  }
  return (
    <div data-testid="autoscaler-details">
      <HeadroomBar autoscaler={autoscaler} />
      <Table size="small" aria-label="Autoscaler">
        <TableBody>
          {rows.map(([label, value]) => (
            <TableRow key={label}>
              <TableCell component="th" scope="row">
                {label}
              </TableCell>
              <TableCell>{value}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
