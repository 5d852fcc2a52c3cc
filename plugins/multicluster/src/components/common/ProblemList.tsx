import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { Problem } from '@kubeplatform/clusters-common';
import { memo, useState } from 'react';
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

/** Problems worst first, each with what is wrong, where, since when, and the suggested fix. */
export const ProblemList = memo(function ProblemListView(props: {
  problems: Problem[];
  initiallyShown?: number;
}) {
  const [showAll, setShowAll] = useState(false);
  const limit = props.initiallyShown ?? 10;
  const shown = showAll ? props.problems : props.problems.slice(0, limit);
  if (props.problems.length === 0) {
    return (
      <Typography variant="body2" data-testid="no-problems">
        No problems detected.
      </Typography>
    );
  }
  return (
    <>
      <List dense disablePadding aria-label="Problems">
        {shown.map((problem, i) => (
          <ListItem
            key={`${problem.code}-${problem.cluster}-${objectText(
              problem,
            )}-${i}`}
            disableGutters
            alignItems="flex-start"
            data-testid="problem"
          >
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
                    <span>
                      {' '}
                      · since {new Date(problem.since).toLocaleString()}
                    </span>
                  )}
                  <br />
                  <span data-testid="problem-fix">
                    Fix: {problem.suggestedFix}
                  </span>
                </>
              }
              primaryTypographyProps={{ style: wrap }}
              secondaryTypographyProps={{ style: wrap }}
            />
          </ListItem>
        ))}
      </List>
      {props.problems.length > limit && (
        <Button size="small" onClick={() => setShowAll(v => !v)}>
          {showAll
            ? 'Show fewer'
            : `Show all ${props.problems.length} problems`}
        </Button>
      )}
    </>
  );
});
