import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { EntityView } from '@kubeplatform/clusters-common';
import {
  KeyboardEvent,
  memo,
  useCallback,
  useMemo,
  useRef,
  useState,
} from 'react';
import { syncLabel } from '../../view/clusterStatus';
import { buildMatrix, MatrixRow } from '../../view/matrix';
import { AuthModeChip } from '../common/AuthModeChip';
import { StatusBadge } from '../common/StatusBadge';
import { TruncatedText } from '../common/TruncatedText';
import { MatrixCell } from './MatrixCell';

const useStyles = makeStyles(theme => ({
  scroll: { overflow: 'auto', maxHeight: '70vh' },
  sticky: {
    position: 'sticky',
    left: 0,
    zIndex: 2,
    backgroundColor: theme.palette.background.paper,
    maxWidth: 240,
    minWidth: 160,
  },
  header: { verticalAlign: 'bottom', minWidth: 100, maxWidth: 180 },
}));

export interface CellSelection {
  cluster: string;
  row: MatrixRow;
}

const moves: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/**
 * Every workload of the entity down the side, every cluster across the top. The grid takes one
 * Tab stop; arrow keys move between cells and Enter opens one, as in a spreadsheet.
 */
export const WorkloadMatrix = memo(function WorkloadMatrixView(props: {
  view: EntityView;
  onOpen: (selection: CellSelection) => void;
}) {
  const classes = useStyles();
  const { view, onOpen } = props;
  const matrix = useMemo(() => buildMatrix(view), [view]);
  const gridRef = useRef<HTMLTableElement>(null);
  const [focused, setFocused] = useState<[number, number]>([0, 0]);

  const focusCell = useCallback((row: number, column: number) => {
    const target = gridRef.current?.querySelector<HTMLElement>(
      `[data-row="${row}"][data-column="${column}"]`,
    );
    if (target) {
      setFocused([row, column]);
      target.focus();
    }
  }, []);

  const openAt = useCallback(
    (row: number, column: number) => {
      setFocused([row, column]);
      onOpen({
        cluster: matrix.clusters[column].cluster.name,
        row: matrix.rows[row],
      });
    },
    [matrix, onOpen],
  );

  const onKeyDown = (event: KeyboardEvent) => {
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const [row, column] = focused;
    const nextRow = Math.max(
      0,
      Math.min(matrix.rows.length - 1, row + move[0]),
    );
    const nextColumn = Math.max(
      0,
      Math.min(matrix.clusters.length - 1, column + move[1]),
    );
    focusCell(nextRow, nextColumn);
  };

  if (matrix.rows.length === 0) {
    return (
      <Typography variant="body2" data-testid="matrix-empty">
        No workload of this entity was found in any cluster that answered.
      </Typography>
    );
  }

  return (
    <div className={classes.scroll}>
      <Table
        size="small"
        ref={gridRef}
        role="grid"
        aria-label="Workloads by cluster"
        onKeyDown={onKeyDown}
      >
        <TableHead>
          <TableRow>
            <TableCell className={classes.sticky}>Workload</TableCell>
            {matrix.clusters.map(cluster => {
              const sync = syncLabel(cluster.sync);
              const where = [
                cluster.cluster.environment,
                cluster.cluster.region,
              ]
                .filter(Boolean)
                .join(' · ');
              return (
                <TableCell
                  key={cluster.cluster.name}
                  className={classes.header}
                  role="columnheader"
                >
                  <TruncatedText
                    text={cluster.cluster.title ?? cluster.cluster.name}
                  />
                  {where && (
                    <Typography
                      variant="caption"
                      color="textSecondary"
                      display="block"
                    >
                      {where}
                    </Typography>
                  )}
                  <AuthModeChip cluster={cluster.cluster} />
                  {sync && <StatusBadge status={sync} />}
                </TableCell>
              );
            })}
          </TableRow>
        </TableHead>
        <TableBody>
          {matrix.rows.map((row, rowIndex) => (
            <TableRow key={row.key}>
              <TableCell
                className={classes.sticky}
                component="th"
                scope="row"
                role="rowheader"
              >
                <TruncatedText text={row.name} />
                <Typography variant="caption" color="textSecondary">
                  {row.kind} · {row.namespace}
                </Typography>
              </TableCell>
              {matrix.clusters.map((cluster, columnIndex) => (
                <MatrixCell
                  key={cluster.cluster.name}
                  cluster={cluster}
                  workload={row.cells.get(cluster.cluster.name)}
                  drift={view.drift}
                  row={rowIndex}
                  column={columnIndex}
                  tabbable={
                    focused[0] === rowIndex && focused[1] === columnIndex
                  }
                  onOpen={openAt}
                />
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
});
