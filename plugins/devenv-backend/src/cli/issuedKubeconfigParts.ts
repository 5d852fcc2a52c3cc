import { parse } from 'yaml';
import { z } from 'zod';

/**
 * The shape `namespacedKubeconfig` writes: one cluster, one token user, one context. Anything
 * else is a programming error, not a user's mistake.
 */
const issuedKubeconfigSchema = z
  .object({
    users: z
      .array(
        z.object({
          name: z.string(),
          user: z.object({ token: z.string().min(1) }),
        }),
      )
      .length(1),
  })
  .passthrough();

/** An issued kubeconfig, split into the token user and everything else. */
export interface IssuedKubeconfigParts {
  /** The kubeconfig without its users. */
  rest: Record<string, unknown>;
  userName: string;
  token: string;
}

/** Splits a freshly issued kubeconfig; the token stays in memory and is never logged. */
export function issuedKubeconfigParts(yaml: string): IssuedKubeconfigParts {
  const parsed = issuedKubeconfigSchema.safeParse(parse(yaml));
  if (!parsed.success) {
    throw new Error(
      'the issued kubeconfig does not have exactly one token user',
    );
  }
  const { users, ...rest } = parsed.data;
  return { rest, userName: users[0].name, token: users[0].user.token };
}
