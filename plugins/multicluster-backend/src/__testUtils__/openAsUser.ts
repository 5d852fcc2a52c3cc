import { mockCredentials } from '@backstage/backend-test-utils';

/** The Authorization header of `userRef` as the mock httpAuth reads it. */
export const asUser = (userRef: string) => ({
  Authorization: mockCredentials.user.header(userRef),
});

/**
 * Opens `url` `times` times in a row as `userRef`, leaving every answer open (streams and log
 * follows hold their slot until `signal` aborts them): each answer's status and Retry-After.
 */
export async function openInARow(
  url: string,
  times: number,
  userRef: string,
  signal: AbortSignal,
): Promise<{ statuses: number[]; retryAfter: Array<string | null> }> {
  const statuses: number[] = [];
  const retryAfter: Array<string | null> = [];
  for (let i = 0; i < times; i++) {
    const res = await fetch(url, { headers: asUser(userRef), signal });
    statuses.push(res.status);
    retryAfter.push(res.headers.get('retry-after'));
  }
  return { statuses, retryAfter };
}
