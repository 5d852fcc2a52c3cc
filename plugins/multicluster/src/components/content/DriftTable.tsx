import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { VersionDrift } from '@kubeplatform/clusters-common';
import { TruncatedText } from '../common/TruncatedText';

/** Which image tag runs where, for every container whose tag differs between clusters. */
export function DriftTable({ drift }: { drift: VersionDrift[] }) {
  return (
    <Table size="small" aria-label="Image drift" data-testid="drift-table">
      <TableHead>
        <TableRow>
          <TableCell>Workload</TableCell>
          <TableCell>Container</TableCell>
          <TableCell>Tag by cluster</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
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
      </TableBody>
    </Table>
  );
}
