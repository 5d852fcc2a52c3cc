import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { EntityView } from '@kubeplatform/clusters-common';
import {
  customResourceHealthLabel,
  customResourceRows,
} from '../../view/customResourceHealth';
import { StatusBadge } from '../common/StatusBadge';
import { TruncatedText } from '../common/TruncatedText';
import { ColumnsTable } from '../common/ColumnsTable';

/**
 * The entity's custom resources in every cluster (the types `customResources` config names),
 * each with its health by kstatus or its kind's rule.
 */
export function CustomResourcesPanel({ view }: { view: EntityView }) {
  const rows = customResourceRows(view);
  return (
    <ColumnsTable
      label="Custom resources"
      testId="custom-resources"
      columns={['Cluster', 'Kind', 'Name', 'Health', 'Why']}
    >
      {rows.map(({ cluster, resource: r }) => {
        const why = [r.health.reason, r.health.message]
          .filter(Boolean)
          .join(': ');
        return (
          <TableRow
            key={`${cluster.name}/${r.apiVersion}/${r.kind}/${r.namespace}/${r.name}`}
            data-testid="custom-resource"
            data-cluster={cluster.name}
            data-kind={r.kind}
            data-name={r.name}
            data-health={r.health.status}
          >
            <TableCell>{cluster.title ?? cluster.name}</TableCell>
            <TableCell>
              {r.kind}
              <Typography
                variant="caption"
                color="textSecondary"
                display="block"
              >
                {r.apiVersion}
              </Typography>
            </TableCell>
            <TableCell style={{ maxWidth: 240 }}>
              <TruncatedText text={`${r.namespace}/${r.name}`} />
            </TableCell>
            <TableCell>
              <StatusBadge
                status={customResourceHealthLabel(r.health)}
                testId="custom-resource-health"
              />
              {r.phase && (
                <Typography
                  variant="caption"
                  color="textSecondary"
                  display="block"
                >
                  phase {r.phase}
                </Typography>
              )}
            </TableCell>
            <TableCell style={{ maxWidth: 360 }}>
              <Typography variant="body2">{why || '—'}</Typography>
            </TableCell>
          </TableRow>
        );
      })}
    </ColumnsTable>
  );
}
