import { CliError } from '../CliError';
import { postWithSignIn } from '../devenvApi';
import { signedIn } from '../signedIn';

/** What kubectl reads on stdout; checked before it is printed. */
interface ExecCredential {
  apiVersion: string;
  kind: 'ExecCredential';
  status: { token: string; expirationTimestamp: string };
}

function isExecCredential(value: unknown): value is ExecCredential {
  const candidate = value as Partial<ExecCredential> | null;
  return (
    candidate?.kind === 'ExecCredential' &&
    candidate.apiVersion === 'client.authentication.k8s.io/v1' &&
    typeof candidate.status?.token === 'string' &&
    typeof candidate.status?.expirationTimestamp === 'string'
  );
}

/**
 * The exec credential plugin: the environment's namespace-scoped token, fetched with the
 * cached sign-in, printed for kubectl only (stdout); everything else goes to stderr.
 */
export async function credential(options: {
  api: string;
  environment: { ref: string; path: string };
}): Promise<void> {
  const signIn = await signedIn(options.api);
  const response = await postWithSignIn(
    signIn,
    `${options.environment.path}/credential`,
    options.environment.ref,
  );
  const body: unknown = await response.json();
  if (!isExecCredential(body)) {
    throw new CliError(
      `${options.api} did not answer with an ExecCredential for ${options.environment.ref}`,
    );
  }
  process.stdout.write(`${JSON.stringify(body)}\n`);
}
