import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import { VersionDrift } from '@kubeplatform/clusters-common';
import { TruncatedText } from '../common/TruncatedText';
import { ColumnsTable } from '../common/ColumnsTable';

/** Which image tag runs where, for every container whose tag differs between clusters. */
export function DriftTable({ drift }: { drift: VersionDrift[] }) {
  return (
    <ColumnsTable
      label="Image drift"
      testId="drift-table"
      columns={['Workload', 'Container', 'Tag by cluster']}
    >
      {drift.map(d => (
        <TableRow key={`${d.kind}/${d.name}/${d.container}`}>
          <TableCell style={{ maxWidth: 220 }}>
            <TruncatedText text={`${d.kind} ${d.name}`} />
          </TableCell>
          <TableCell>{d.container}</TableCell>
          <TableCell>
            {Object.entries(d.tagsByCluster)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([cluster, tag]) => (
                <div key={cluster}>
                  {cluster}: <code>{tag}</code>
                </div>
              ))}
          </TableCell>
        </TableRow>
      ))}
    </ColumnsTable>
  );
}
