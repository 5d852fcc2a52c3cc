import Tooltip from '@material-ui/core/Tooltip';
import Typography, { TypographyProps } from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles({
  text: {
    display: 'block',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
});

/** One line of text cut with an ellipsis; the full text is in a tooltip. */
export function TruncatedText(props: {
  text: string;
  maxWidth?: number | string;
  variant?: TypographyProps['variant'];
  component?: React.ElementType;
  className?: string;
}) {
  const classes = useStyles();
  return (
    <Tooltip title={props.text} enterDelay={400}>
      <Typography
        variant={props.variant ?? 'body2'}
        component={props.component ?? 'span'}
        className={`${classes.text} ${props.className ?? ''}`}
        style={{ maxWidth: props.maxWidth ?? '100%' }}
      >
        {props.text}
      </Typography>
    </Tooltip>
  );
}
