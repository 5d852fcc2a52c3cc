import Typography from '@material-ui/core/Typography';
import { timeLeft } from './timeLeft';
import { useNow } from './useNow';

const SOON_MS = 60 * 60 * 1000;

/** The time left before the reaper deletes the environment; red within the last hour. */
export const ExpiryCountdown = ({ expiresAt }: { expiresAt: string }) => {
  const now = useNow();
  const left = new Date(expiresAt).getTime() - now.getTime();
  return (
    <Typography
      variant="body2"
      component="span"
      color={left < SOON_MS ? 'error' : 'textPrimary'}
      title={new Date(expiresAt).toLocaleString()}
    >
      {timeLeft(expiresAt, now)}
    </Typography>
  );
};
