import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { PodSummary } from '@kubeplatform/clusters-common';
import { ReactNode, useMemo, useState } from 'react';
import { ProblemText } from '../common/ProblemText';
import { TruncatedText } from '../common/TruncatedText';
import { ageOf } from './format';
import { UsageMeters } from '../metrics/UsageMeters';
import { podFigures } from '../metrics/usageFigures';
import { compareProblemsCauseFirst } from '../../view/problemOrder';

const useStyles = makeStyles(theme => ({
  toolbar: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(1),
  },
  scroll: { overflowX: 'auto' },
  // Short values stay on one line; long ones are cut with an ellipsis and a tooltip.
  table: { '& th, & td': { whiteSpace: 'nowrap' } },
  problemBox: { maxWidth: 220, overflow: 'hidden' },
  name: { maxWidth: 240 },
  bad: {
    color: theme.palette.error.main,
    fontWeight: theme.typography.fontWeightBold as number,
  },
}));

function badness(pod: PodSummary): number {
  const worst = [...pod.problems].sort(compareProblemsCauseFirst)[0];
  if (worst?.severity === 'error') return 0;
  if (worst?.severity === 'warning') return 1;
  const [ready, total] = pod.ready.split('/').map(Number);
  if (pod.phase !== 'Running' && pod.phase !== 'Succeeded') return 2;
  if (ready < total) return 2;
  return 3;
}

/** The workload's pods, worst first, filterable and paginated so that 1000 pods stay usable. */
export function PodsTable(props: {
  pods: PodSummary[];
  onShowLogs: (pod: PodSummary) => void;
  /** More buttons for a pod's row, e.g. delete. */
  renderActions?: (pod: PodSummary) => ReactNode;
}) {
  const classes = useStyles();
  const [filter, setFilter] = useState('');
  const [page, setPage] = useState(0);
  const [rowsPerPage, setRowsPerPage] = useState(25);
  const withMetrics = props.pods.some(
    p => p.cpuMillicores !== undefined || p.memoryBytes !== undefined,
  );

  const sorted = useMemo(
    () =>
      [...props.pods].sort(
        (a, b) =>
          badness(a) - badness(b) ||
          b.restarts - a.restarts ||
          a.name.localeCompare(b.name),
      ),
    [props.pods],
  );
  const needle = filter.trim().toLocaleLowerCase();
  const filtered = needle
    ? sorted.filter(p =>
        [
          p.name,
          p.phase,
          p.nodeName ?? '',
          ...p.problems.map(x => x.code),
        ].some(s => s.toLocaleLowerCase().includes(needle)),
      )
    : sorted;
  const lastPage = Math.max(0, Math.ceil(filtered.length / rowsPerPage) - 1);
  const currentPage = Math.min(page, lastPage);
  const rows = filtered.slice(
    currentPage * rowsPerPage,
    (currentPage + 1) * rowsPerPage,
  );

  if (props.pods.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        This workload has no pods in this cluster.
      </Typography>
    );
  }

  return (
    <div data-testid="pods-table">
      <div className={classes.toolbar}>
        <TextField
          size="small"
          label="Filter pods"
          value={filter}
          onChange={e => {
            setFilter(e.target.value);
            setPage(0);
          }}
          inputProps={{
            'aria-label': 'Filter pods by name, phase, node or problem',
          }}
        />
        <Typography variant="caption" color="textSecondary">
          {filtered.length} of {props.pods.length} pods
        </Typography>
      </div>
      <div className={classes.scroll}>
        <Table size="small" aria-label="Pods" className={classes.table}>
          <TableHead>
            <TableRow>
              <TableCell>Name</TableCell>
              <TableCell>Phase</TableCell>
              <TableCell>Ready</TableCell>
              <TableCell>Restarts</TableCell>
              <TableCell>Age</TableCell>
              <TableCell>Node</TableCell>
              {withMetrics && <TableCell>CPU</TableCell>}
              {withMetrics && <TableCell>Memory</TableCell>}
              <TableCell>Problem</TableCell>
              <TableCell aria-label="Actions" />
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(pod => {
              const [ready, total] = pod.ready.split('/').map(Number);
              const problem = [...pod.problems].sort(
                compareProblemsCauseFirst,
              )[0];
              const [cpu, memory] = podFigures(pod);
              return (
                <TableRow
                  key={`${pod.namespace}/${pod.name}`}
                  data-testid="pod-row"
                >
                  <TableCell
                    className={classes.name}
                    component="th"
                    scope="row"
                  >
                    <TruncatedText text={pod.name} maxWidth={240} />
                  </TableCell>
                  <TableCell
                    className={
                      pod.phase === 'Running' || pod.phase === 'Succeeded'
                        ? undefined
                        : classes.bad
                    }
                  >
                    {pod.phase}
                  </TableCell>
                  <TableCell
                    className={ready < total ? classes.bad : undefined}
                  >
                    {pod.ready}
                  </TableCell>
                  <TableCell
                    className={pod.restarts > 0 ? classes.bad : undefined}
                  >
                    {pod.restarts}
                  </TableCell>
                  <TableCell>{ageOf(pod.createdAt)}</TableCell>
                  <TableCell style={{ maxWidth: 160 }}>
                    <TruncatedText text={pod.nodeName ?? '—'} maxWidth={160} />
                  </TableCell>
                  {withMetrics && (
                    <TableCell>
                      <UsageMeters figures={cpu} />
                    </TableCell>
                  )}
                  {withMetrics && (
                    <TableCell>
                      <UsageMeters figures={memory} />
                    </TableCell>
                  )}
                  <TableCell style={{ maxWidth: 220 }}>
                    <div className={classes.problemBox}>
                      {problem ? <ProblemText problem={problem} /> : '—'}
                    </div>
                  </TableCell>
                  <TableCell>
                    <Button
                      size="small"
                      onClick={() => props.onShowLogs(pod)}
                      aria-label={`Logs of ${pod.name}`}
                    >
                      Logs
                    </Button>
                    {props.renderActions?.(pod)}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      {filtered.length > 25 && (
        <TablePagination
          component="div"
          count={filtered.length}
          page={currentPage}
          rowsPerPage={rowsPerPage}
          rowsPerPageOptions={[25, 50, 100]}
          onPageChange={(_e, p) => setPage(p)}
          onRowsPerPageChange={e => {
            setRowsPerPage(Number(e.target.value));
            setPage(0);
          }}
        />
      )}
    </div>
  );
}
