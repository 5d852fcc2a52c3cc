import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { PodSummary, saveTextFile } from '@kubeplatform/clusters-common';
import { useEffect, useMemo, useRef, useState } from 'react';
import { EntityAddress, multiclusterApiRef } from '../../api';
import { useViewerAuth } from '../../hooks/useViewerAuth';
import { describeError } from '../common/RequestErrorPanel';
import { LoadingSkeleton } from '../common/LoadingSkeleton';
import { appendCapped, LOG_BUFFER_LIMIT } from './logBuffer';
import {
  PodContainerPicker,
  PodControls,
  usePodContainerSelection,
} from './PodContainerPicker';

const useStyles = makeStyles(theme => ({
  log: {
    margin: 0,
    padding: theme.spacing(1),
    height: '50vh',
    overflow: 'auto',
    fontFamily: 'monospace',
    fontSize: 12,
    lineHeight: 1.5,
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
    backgroundColor: theme.palette.type === 'dark' ? '#111' : '#f5f5f5',
    borderRadius: theme.shape.borderRadius,
  },
  mark: { backgroundColor: theme.palette.warning.light },
}));

const tailOptions = [100, 500, 2000];
/** Searching marks matches in at most this many lines, to keep huge logs responsive. */
const MAX_MARKED_LINES = 2000;

function Highlighted({
  line,
  needle,
  className,
}: {
  line: string;
  needle: string;
  className: string;
}) {
  const parts: Array<string | JSX.Element> = [];
  const lower = line.toLocaleLowerCase();
  let from = 0;
  let at = lower.indexOf(needle, from);
  while (at !== -1) {
    parts.push(line.slice(from, at));
    parts.push(
      <mark key={at} className={className}>
        {line.slice(at, at + needle.length)}
      </mark>,
    );
    from = at + needle.length;
    at = lower.indexOf(needle, from);
  }
  parts.push(line.slice(from));
  return <>{parts}</>;
}

/**
 * A container's log: pick pod and container, the previous instance, follow it live, search it,
 * and download what is shown.
 */
export function PodLogs(props: {
  entity: EntityAddress;
  cluster: string;
  pods: PodSummary[];
  pod?: PodSummary;
  onPodChange: (pod: PodSummary) => void;
}) {
  const classes = useStyles();
  const api = useApi(multiclusterApiRef);
  const viewerAuth = useViewerAuth();
  const { entity, cluster, pods, pod } = props;
  const selection = usePodContainerSelection(props);
  const [previous, setPrevious] = useState(false);
  const [follow, setFollow] = useState(false);
  const [tailLines, setTailLines] = useState(500);
  const [search, setSearch] = useState('');
  const [text, setText] = useState('');
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<Error>();
  const logRef = useRef<HTMLPreElement>(null);

  const activeContainer = selection.container;

  const podNamespace = pod?.namespace;
  const podName = pod?.name;

  useEffect(() => {
    if (!podNamespace || !podName) return undefined;
    const controller = new AbortController();
    const request = {
      entity,
      cluster,
      pod: { namespace: podNamespace, name: podName },
      container: activeContainer,
      previous,
      tailLines,
    };
    setText('');
    setError(undefined);
    setLoading(true);
    const settle = (e?: unknown) => {
      if (controller.signal.aborted) return;
      setLoading(false);
      if (e) setError(e instanceof Error ? e : new Error(String(e)));
    };
    if (follow && !previous) {
      api
        .followPodLogs(
          request,
          chunk => {
            setLoading(false);
            setText(current => appendCapped(current, chunk, LOG_BUFFER_LIMIT));
          },
          { signal: controller.signal, viewerAuth },
        )
        .then(() => settle(), settle);
    } else {
      api
        .getPodLogs(request, { signal: controller.signal, viewerAuth })
        .then(result => {
          if (!controller.signal.aborted) setText(result);
          settle();
        }, settle);
    }
    return () => controller.abort();
  }, [
    api,
    viewerAuth,
    entity,
    cluster,
    podNamespace,
    podName,
    activeContainer,
    previous,
    follow,
    tailLines,
  ]);

  useEffect(() => {
    if (follow && logRef.current) {
      logRef.current.scrollTop = logRef.current.scrollHeight;
    }
  }, [text, follow]);

  const lines = useMemo(
    () => (text ? text.replace(/\n$/, '').split('\n') : []),
    [text],
  );
  const needle = search.trim().toLocaleLowerCase();
  const matching = needle
    ? lines.filter(l => l.toLocaleLowerCase().includes(needle))
    : lines;

  if (pods.length === 0) {
    return (
      <Typography variant="body2">There is no pod to show logs for.</Typography>
    );
  }

  const notFound =
    error instanceof ResponseError && error.response.status === 404;

  return (
    <div data-testid="pod-logs">
      <PodControls>
        <PodContainerPicker idPrefix="mc-log" {...selection} />
        <FormControl size="small">
          <InputLabel id="mc-log-tail">Lines</InputLabel>
          <Select
            labelId="mc-log-tail"
            value={tailLines}
            onChange={e => setTailLines(Number(e.target.value))}
          >
            {tailOptions.map(n => (
              <MenuItem key={n} value={n}>
                last {n}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        <FormControlLabel
          control={
            <Checkbox
              checked={previous}
              onChange={e => setPrevious(e.target.checked)}
            />
          }
          label="Previous container"
        />
        <FormControlLabel
          control={
            <Checkbox
              checked={follow && !previous}
              disabled={previous}
              onChange={e => setFollow(e.target.checked)}
            />
          }
          label="Follow"
        />
        <TextField
          size="small"
          label="Search"
          value={search}
          onChange={e => setSearch(e.target.value)}
          inputProps={{ 'aria-label': 'Search the log' }}
        />
        <Button
          size="small"
          variant="outlined"
          disabled={!text}
          onClick={() =>
            saveTextFile({
              name: `${cluster}_${pod?.name}_${activeContainer}${
                previous ? '_previous' : ''
              }.log`,
              type: 'text/plain',
              text: needle ? matching.join('\n') : text,
            })
          }
        >
          Download
        </Button>
      </PodControls>
      {needle && (
        <Typography
          variant="caption"
          color="textSecondary"
          data-testid="log-match-count"
        >
          {matching.length} of {lines.length} lines match
        </Typography>
      )}
      {error && (
        <Typography
          variant="body2"
          color="error"
          role="alert"
          data-testid="log-error"
        >
          {notFound
            ? `Pod ${pod?.name} was not found in ${cluster}: it may have been deleted. Pick another pod.`
            : `Could not read the log: ${describeError(error)}`}
        </Typography>
      )}
      {loading && !text && <LoadingSkeleton rows={4} label="Loading log" />}
      {!loading && !error && lines.length === 0 && (
        <Typography
          variant="body2"
          color="textSecondary"
          data-testid="log-empty"
        >
          {previous
            ? `No log from a previous instance of ${activeContainer}: it has not restarted, or the log is gone.`
            : `${activeContainer} has written no log lines${
                follow ? ' yet' : ''
              }.`}
        </Typography>
      )}
      {lines.length > 0 && (
        <pre
          className={classes.log}
          ref={logRef}
          // A scrollable region must take focus so that keyboard users can scroll it.
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          aria-label="Log"
          data-testid="log-text"
        >
          {needle
            ? matching.slice(-MAX_MARKED_LINES).map((line, i) => (
                <div key={i}>
                  <Highlighted
                    line={line}
                    needle={needle}
                    className={classes.mark}
                  />
                </div>
              ))
            : text}
        </pre>
      )}
    </div>
  );
}
