import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Drawer from '@material-ui/core/Drawer';
import IconButton from '@material-ui/core/IconButton';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CloseIcon from '@material-ui/icons/Close';
import OpenInNewIcon from '@material-ui/icons/OpenInNew';
import { useApi } from '@backstage/core-plugin-api';
import { PodSummary, WorkloadKind } from '@kubeplatform/clusters-common';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { EntityAddress, multiclusterApiRef } from '../../api';
import { useViewerAuth } from '../../hooks/useViewerAuth';
import { healthLabel, syncLabel } from '../../view/clusterStatus';
import { LoadingSkeleton } from '../common/LoadingSkeleton';
import { ProblemList } from '../common/ProblemList';
import { RequestErrorPanel } from '../common/RequestErrorPanel';
import { StatusBadge } from '../common/StatusBadge';
import { WorkloadUsageSummary } from '../metrics/WorkloadUsageSummary';
import { TruncatedText } from '../common/TruncatedText';
import { AutoscalerDetails } from './AutoscalerDetails';
import { EventsTimeline } from './EventsTimeline';
import { KubectlCommands } from './KubectlCommands';
import { NetworkPanel } from './NetworkPanel';
import { QuotaPanel } from './QuotaPanel';
import { TimelinePanel } from '../timeline/TimelinePanel';
import { PodLogs } from './PodLogs';
import { PodTerminal } from './terminal/PodTerminal';
import { PodsTable } from './PodsTable';
import {
  DeletePodButton,
  useAllowedActions,
  WorkloadActions,
} from './WorkloadActions';
import { compareProblemsCauseFirst } from '../../view/problemOrder';
import { PodOwnerLookup } from '../../view/problemGroups';

const useStyles = makeStyles(theme => ({
  paper: { width: 'min(1000px, 92vw)', padding: theme.spacing(2, 3) },
  header: { display: 'flex', alignItems: 'flex-start', gap: theme.spacing(1) },
  title: { flex: '1 1 auto', minWidth: 0 },
  section: { marginTop: theme.spacing(2) },
}));

/** A heading of the overview tab; `spaced` keeps it apart from the section above. */
function SectionHeading(props: { children: string; spaced?: boolean }) {
  const classes = useStyles();
  return (
    <Typography
      variant="subtitle2"
      component="h3"
      className={props.spaced ? classes.section : undefined}
    >
      {props.children}
    </Typography>
  );
}

export interface DrawerTarget {
  cluster: string;
  workload: { kind: WorkloadKind; namespace: string; name: string };
}

type TabName =
  | 'overview'
  | 'pods'
  | 'events'
  | 'timeline'
  | 'logs'
  | 'terminal';

/** One workload in one cluster: problems, autoscaler, pods, events, logs and kubectl. */
export function WorkloadDrawer(props: {
  entity: EntityAddress;
  target?: DrawerTarget;
  /** Changes whenever the live view changes, so that the drawer refreshes with it. */
  refreshKey?: string;
  onClose: () => void;
}) {
  const classes = useStyles();
  const { target } = props;
  return (
    <Drawer
      anchor="right"
      open={Boolean(target)}
      onClose={props.onClose}
      classes={{ paper: classes.paper }}
    >
      {target && (
        <DrawerBody
          key={`${target.cluster}/${target.workload.kind}/${target.workload.namespace}/${target.workload.name}`}
          entity={props.entity}
          target={target}
          refreshKey={props.refreshKey}
          onClose={props.onClose}
        />
      )}
    </Drawer>
  );
}

function DrawerBody(props: {
  entity: EntityAddress;
  target: DrawerTarget;
  refreshKey?: string;
  onClose: () => void;
}) {
  const classes = useStyles();
  const api = useApi(multiclusterApiRef);
  const viewerAuth = useViewerAuth();
  const { entity, target } = props;
  const [tab, setTab] = useState<TabName>('overview');
  const [logPod, setLogPod] = useState<PodSummary>();
  const [attempt, setAttempt] = useState(0);
  const { api: actionsApi, allowed } = useAllowedActions(entity);

  const detail = useAsync(
    () =>
      api.getWorkloadDetail(
        {
          entity,
          cluster: target.cluster,
          workload: target.workload,
        },
        { viewerAuth },
      ),
    [api, viewerAuth, entity, target, props.refreshKey, attempt],
  );
  const value = detail.value;
  const dashboardLink = httpUrl(value?.dashboardLink);
  const title = `${target.workload.kind} ${target.workload.name}`;

  const pods = value?.pods ?? [];
  /** The pod picked for logs and terminal, as it is in the latest answer. */
  const chosenPod = pods.find(
    p => p.name === logPod?.name && p.namespace === logPod?.namespace,
  );
  const problems = value
    ? [...value.workload.problems, ...pods.flatMap(p => p.problems)]
        .filter(
          (p, i, all) =>
            all.findIndex(
              q =>
                q.code === p.code &&
                q.object.name === p.object.name &&
                q.object.container === p.object.container,
            ) === i,
        )
        .sort(compareProblemsCauseFirst)
    : [];
  const sync = value ? syncLabel(value.sync) : undefined;
  // Every pod in the drawer is the workload's own.
  const ownerOf = useMemo<PodOwnerLookup | undefined>(
    () =>
      value
        ? () => ({
            kind: value.workload.kind,
            name: value.workload.name,
            podCount: value.pods.length,
          })
        : undefined,
    [value],
  );

  return (
    <div
      role="dialog"
      aria-label={`${title} in ${target.cluster}`}
      data-testid="workload-drawer"
    >
      <div className={classes.header}>
        <div className={classes.title}>
          <TruncatedText variant="h6" component="h2" text={title} />
          <Typography variant="body2" color="textSecondary">
            {target.workload.namespace} · cluster{' '}
            {value?.cluster.title ?? target.cluster}
            {value?.cluster.environment
              ? ` · ${value.cluster.environment}`
              : ''}
            {value?.cluster.region ? ` · ${value.cluster.region}` : ''}
          </Typography>
          {value && (
            <Box mt={0.5} display="flex" style={{ gap: 8 }}>
              <StatusBadge status={healthLabel(value.workload.health)} />
              {sync && <StatusBadge status={sync} />}
              <Typography variant="body2">
                {value.workload.replicas.ready}/
                {value.workload.replicas.desired} ready
              </Typography>
            </Box>
          )}
          {value && (
            <WorkloadUsageSummary
              usage={value.workload.usage}
              metrics={value.metrics}
            />
          )}
          {value && actionsApi && allowed && (
            <WorkloadActions
              address={{
                entity,
                cluster: target.cluster,
                workload: target.workload,
              }}
              api={actionsApi}
              allowed={allowed}
              replicas={value.workload.replicas.desired}
              autoscaler={value.workload.autoscaler}
              onDone={() => setAttempt(a => a + 1)}
            />
          )}
        </div>
        {dashboardLink && (
          <Button
            size="small"
            href={dashboardLink}
            target="_blank"
            rel="noopener noreferrer"
            endIcon={<OpenInNewIcon fontSize="small" />}
          >
            Open in dashboard
          </Button>
        )}
        {value?.cluster.dashboardUrl && (
          <Button
            size="small"
            href={value.cluster.dashboardUrl}
            target="_blank"
            rel="noopener noreferrer"
            endIcon={<OpenInNewIcon fontSize="small" />}
          >
            Cluster dashboard
          </Button>
        )}
        <IconButton aria-label="Close" onClick={props.onClose} size="small">
          <CloseIcon />
        </IconButton>
      </div>

      {detail.error && (
        <Box mt={2}>
          <RequestErrorPanel
            title={`Could not load ${title} in ${target.cluster}`}
            error={detail.error}
            onRetry={() => setAttempt(a => a + 1)}
          />
        </Box>
      )}
      {!value && detail.loading && (
        <Box mt={2}>
          <LoadingSkeleton rows={6} label="Loading workload" />
        </Box>
      )}
      {value && (
        <>
          <Tabs
            value={tab}
            onChange={(_e, next: TabName) => setTab(next)}
            indicatorColor="primary"
            aria-label="Workload detail"
          >
            <Tab
              value="overview"
              label={`Overview${
                problems.length ? ` (${problems.length})` : ''
              }`}
            />
            <Tab value="pods" label={`Pods (${pods.length})`} />
            <Tab value="events" label={`Events (${value.events.length})`} />
            <Tab value="timeline" label="Timeline" />
            <Tab value="logs" label="Logs" />
            <Tab value="terminal" label="Terminal" />
          </Tabs>
          <div className={classes.section} role="tabpanel">
            {tab === 'overview' && (
              <>
                <SectionHeading>Problems</SectionHeading>
                <ProblemList problems={problems} ownerOf={ownerOf} />
                <SectionHeading spaced>Autoscaler</SectionHeading>
                <AutoscalerDetails autoscaler={value.workload.autoscaler} />
                <SectionHeading spaced>Network</SectionHeading>
                <NetworkPanel network={value.network} />
                <SectionHeading spaced>Quotas</SectionHeading>
                <QuotaPanel quotas={value.quotas} />
                <SectionHeading spaced>kubectl</SectionHeading>
                <KubectlCommands kubectl={value.kubectl} />
              </>
            )}
            {tab === 'pods' && (
              <PodsTable
                pods={pods}
                onShowLogs={pod => {
                  setLogPod(pod);
                  setTab('logs');
                }}
                renderActions={
                  actionsApi && allowed
                    ? pod => (
                        <DeletePodButton
                          entity={entity}
                          cluster={target.cluster}
                          pod={pod}
                          api={actionsApi}
                          allowed={allowed}
                          onDone={() => setAttempt(a => a + 1)}
                        />
                      )
                    : undefined
                }
              />
            )}
            {tab === 'events' && <EventsTimeline events={value.events} />}
            {tab === 'timeline' && (
              <TimelinePanel
                entity={entity}
                workload={target.workload}
                refreshKey={props.refreshKey}
              />
            )}
            {tab === 'logs' && (
              <PodLogs
                entity={entity}
                cluster={target.cluster}
                pods={pods}
                pod={chosenPod ?? logPod ?? pods[0]}
                onPodChange={setLogPod}
              />
            )}
            {tab === 'terminal' && (
              <PodTerminal
                entity={entity}
                cluster={target.cluster}
                pods={pods}
                pod={chosenPod ?? pods[0]}
                onPodChange={setLogPod}
              />
            )}
          </div>
        </>
      )}
    </div>
  );
}

/** Only http(s) links reach an href, whatever the response holds. */
function httpUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\//.test(url) ? url : undefined;
}
