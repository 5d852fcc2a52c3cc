import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { Problem } from '@kubeplatform/clusters-common';
import { memo, useMemo, useState } from 'react';
import {
  groupProblems,
  PodOwnerLookup,
  ProblemGroup,
} from '../../view/problemGroups';
import { SeverityIcon } from './SeverityIcon';

const wrap = {
  whiteSpace: 'normal',
  overflow: 'visible',
  wordBreak: 'break-word',
} as const;

function objectText(problem: Problem): string {
  const o = problem.object;
  return `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}${
    o.container ? ` (container ${o.container})` : ''
  }${problem.cluster ? ` in ${problem.cluster}` : ''}`;
}

function ProblemItem(props: { problem: Problem }) {
  const { problem } = props;
  return (
    <ListItem disableGutters alignItems="flex-start" data-testid="problem">
      <ListItemIcon style={{ minWidth: 28, marginTop: 4 }}>
        <SeverityIcon severity={problem.severity} />
      </ListItemIcon>
      <ListItemText
        // The Backstage theme cuts list item text to one line; problems must wrap.
        style={wrap}
        primary={
          <>
            <strong>{problem.code}</strong> — {problem.message}
          </>
        }
        secondary={
          <>
            <span>{objectText(problem)}</span>
            {problem.since && (
              <span> · since {new Date(problem.since).toLocaleString()}</span>
            )}
            <br />
            <span data-testid="problem-fix">Fix: {problem.suggestedFix}</span>
          </>
        }
        primaryTypographyProps={{ style: wrap }}
        secondaryTypographyProps={{ style: wrap }}
      />
    </ListItem>
  );
}

/** The pods of one workload failing for one cause: a heading, then each pod worst first. */
function ProblemGroupItem(props: { group: ProblemGroup }) {
  const { group } = props;
  return (
    <ListItem
      disableGutters
      alignItems="flex-start"
      data-testid="problem-group"
      style={{ display: 'block' }}
    >
      <Typography
        variant="body2"
        component="h4"
        style={{ display: 'flex', gap: 8, alignItems: 'center' }}
      >
        <SeverityIcon severity={group.lead.severity} />
        <strong data-testid="problem-group-title">{group.title}</strong>
      </Typography>
      <List
        dense
        disablePadding
        aria-label={group.title}
        style={{ paddingLeft: 28 }}
      >
        {group.problems.map(problem => (
          <ProblemItem
            key={`${problem.object.name}-${problem.object.container ?? ''}`}
            problem={problem}
          />
        ))}
      </List>
    </ListItem>
  );
}

/**
 * Problems worst first, each with what is wrong, where, since when, and the suggested fix. With
 * `ownerOf`, the pods of one workload failing for the same cause are shown as one group.
 */
export const ProblemList = memo(function ProblemListView(props: {
  problems: Problem[];
  initiallyShown?: number;
  ownerOf?: PodOwnerLookup;
}) {
  const [showAll, setShowAll] = useState(false);
  const { problems, ownerOf } = props;
  const groups = useMemo(
    () =>
      ownerOf
        ? groupProblems(problems, ownerOf)
        : problems.map((problem, i) => ({
            key: `${i}`,
            lead: problem,
            problems: [problem],
          })),
    [problems, ownerOf],
  );
  const limit = props.initiallyShown ?? 10;
  const shown = showAll ? groups : groups.slice(0, limit);
  if (problems.length === 0) {
    return (
      <Typography variant="body2" data-testid="no-problems">
        No problems detected.
      </Typography>
    );
  }
  return (
    <>
      <List dense disablePadding aria-label="Problems">
        {shown.map((group: ProblemGroup) =>
          group.title ? (
            <ProblemGroupItem key={group.key} group={group} />
          ) : (
            <ProblemItem
              key={`${group.key}-${objectText(group.lead)}`}
              problem={group.lead}
            />
          ),
        )}
      </List>
      {groups.length > limit && (
        <Button size="small" onClick={() => setShowAll(v => !v)}>
          {showAll ? 'Show fewer' : `Show all ${problems.length} problems`}
        </Button>
      )}
    </>
  );
});
