import { ReactNode } from 'react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';

/** A small table under a header row of column titles; the children are its body rows. */
export function ColumnsTable(props: {
  /** The table's accessible name. */
  label: string;
  testId: string;
  columns: string[];
  children: ReactNode;
}) {
  return (
    <Table size="small" aria-label={props.label} data-testid={props.testId}>
      <TableHead>
        <TableRow>
          {props.columns.map(column => (
            <TableCell key={column}>{column}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>{props.children}</TableBody>
    </Table>
  );
}
