import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { OwnerView } from '@kubeplatform/clusters-common';
import { useMemo, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { multiclusterApiRef } from '../../api';
import { useViewerAuth } from '../../hooks/useViewerAuth';
import { useEntityAddress } from '../../hooks/useEntityAddress';
import {
  StatusLabel,
  hasData,
  healthLabel,
  healthRankOf,
  syncLabel,
} from '../../view/clusterStatus';
import { LoadingSkeleton } from '../common/LoadingSkeleton';
import { ProblemText } from '../common/ProblemText';
import { RequestErrorPanel } from '../common/RequestErrorPanel';
import { StatusBadge } from '../common/StatusBadge';

type OwnedEntity = OwnerView['entities'][number];
type OwnedCluster = OwnedEntity['clusters'][number];

const useStyles = makeStyles(theme => ({
  scroll: { overflowX: 'auto' },
  head: { '& th': { whiteSpace: 'nowrap' } },
  block: { display: 'block', whiteSpace: 'nowrap' },
  // Fixed layout: the card fits its column; long values are cut with a tooltip.
  table: {
    tableLayout: 'fixed',
    width: '100%',
    '& td, & th': { padding: theme.spacing(0.5, 1), overflow: 'hidden' },
  },
  nowrap: { whiteSpace: 'nowrap' },
  problemBox: { overflow: 'hidden' },
  clusters: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(0.5) },
  name: {
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  problem: { maxWidth: 320 },
}));

function clusterStatus(c: OwnedCluster): StatusLabel {
  const sync = syncLabel(c.sync);
  if (!hasData(c.sync) && sync)
    return { ...sync, label: `${c.cluster}: ${sync.label}` };
  const health = healthLabel(c.health);
  return {
    ...health,
    label: `${c.cluster}: ${sync?.label ?? health.label}`,
    tone: sync && health.tone === 'ok' ? sync.tone : health.tone,
    detail: sync?.detail,
  };
}

function ownedRank(e: OwnedEntity): number {
  return healthRankOf(e.health) * 10 + (e.incomplete ? 0 : 1);
}

/** Every service the group or user owns, with its health across clusters, worst first. */
export function OwnedServicesCard() {
  const classes = useStyles();
  const api = useApi(multiclusterApiRef);
  const viewerAuth = useViewerAuth();
  const owner = useEntityAddress();
  const [page, setPage] = useState(0);
  const state = useAsyncRetry(
    () => api.getOwnerView(owner, { viewerAuth }),
    [api, viewerAuth, owner],
  );

  const entities = useMemo(
    () =>
      [...(state.value?.entities ?? [])].sort(
        (a, b) =>
          ownedRank(a) - ownedRank(b) ||
          b.problemCounts.error - a.problemCounts.error ||
          b.problemCounts.warning - a.problemCounts.warning ||
          a.entityRef.localeCompare(b.entityRef),
      ),
    [state.value],
  );
  const perPage = 20;
  const rows = entities.slice(page * perPage, (page + 1) * perPage);

  let body: JSX.Element;
  if (state.error) {
    body = (
      <RequestErrorPanel
        title={`Could not load the services of ${owner.kind}:${owner.namespace}/${owner.name}`}
        error={state.error}
        onRetry={state.retry}
      />
    );
  } else if (!state.value) {
    body = <LoadingSkeleton rows={4} label="Loading services" />;
  } else if (entities.length === 0) {
    body = (
      <Typography variant="body2" data-testid="owned-empty">
        No service owned by {owner.name} carries Kubernetes annotations.
      </Typography>
    );
  } else {
    body = (
      <div className={classes.scroll}>
        <Table
          size="small"
          aria-label="Owned services"
          className={classes.table}
        >
          <colgroup>
            {['24%', '13%', '25%', '14%', '24%'].map((width, i) => (
              <col key={i} style={{ width }} />
            ))}
          </colgroup>
          <TableHead className={classes.head}>
            <TableRow>
              <TableCell>Service</TableCell>
              <TableCell>Health</TableCell>
              <TableCell>Clusters</TableCell>
              <TableCell>Problems</TableCell>
              <TableCell>Top problem</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(e => {
              const health = healthLabel(e.health);
              return (
                <TableRow
                  key={e.entityRef}
                  data-testid={`owned-${e.entityRef}`}
                >
                  <TableCell
                    component="th"
                    scope="row"
                    className={classes.name}
                  >
                    <EntityRefLink entityRef={e.entityRef} title={e.title} />
                  </TableCell>
                  <TableCell>
                    <StatusBadge
                      status={
                        e.incomplete && health.tone === 'ok'
                          ? {
                              label: 'Incomplete',
                              tone: 'warning',
                              detail: 'Some clusters sent no data',
                            }
                          : health
                      }
                    />
                  </TableCell>
                  <TableCell>
                    <span className={classes.clusters}>
                      {e.clusters.map(c => (
                        <StatusBadge
                          key={c.cluster}
                          status={clusterStatus(c)}
                        />
                      ))}
                    </span>
                  </TableCell>
                  <TableCell>
                    <span
                      aria-label={`${e.problemCounts.error} errors, ${e.problemCounts.warning} warnings`}
                    >
                      <span className={classes.block}>
                        {e.problemCounts.error} errors
                      </span>
                      <span className={classes.block}>
                        {e.problemCounts.warning} warnings
                      </span>
                    </span>
                  </TableCell>
                  <TableCell className={classes.problem}>
                    <div className={classes.problemBox}>
                      {e.topProblem ? (
                        <ProblemText problem={e.topProblem} />
                      ) : (
                        '—'
                      )}
                    </div>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
        {entities.length > perPage && (
          <TablePagination
            component="div"
            count={entities.length}
            page={page}
            rowsPerPage={perPage}
            rowsPerPageOptions={[perPage]}
            onPageChange={(_e, p) => setPage(p)}
          />
        )}
      </div>
    );
  }
  return <InfoCard title="Services on Kubernetes">{body}</InfoCard>;
}
