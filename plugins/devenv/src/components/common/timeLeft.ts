import { formatDuration } from '@kubeplatform/clusters-common';

/** "expires in 3h12m", "expired 5m ago": whole minutes, so the text changes at most once a minute. */
export function timeLeft(expiresAt: string, now: Date): string {
  const ms = new Date(expiresAt).getTime() - now.getTime();
  if (Number.isNaN(ms)) {
    return 'no expiry';
  }
  const minutes = Math.floor(Math.abs(ms) / 60_000) * 60_000;
  const text = minutes === 0 ? 'less than a minute' : formatDuration(minutes);
  return ms >= 0 ? `expires in ${text}` : `expired ${text} ago`;
}
