import { parseArgs } from 'node:util';
import { apiUrl, environmentRef } from './arguments';
import { CliError } from './CliError';
import { credential } from './commands/credential';
import { kubeconfig } from './commands/kubeconfig';
import { login } from './commands/login';
import { logout } from './commands/logout';

const USAGE = `Usage: kubectl-kubeplatform <command> --api <devenv API URL> [options]

Connect to Kubeplatform development environments without pasting a Backstage token.

Commands:
  login --api <url> [--no-browser]           sign in through your browser once
  kubeconfig --api <url> <cluster>/<name> [-o <file>]
                                             a kubeconfig that runs this plugin (no token in it)
  credential --api <url> <cluster>/<name>    the exec credential plugin kubectl runs
  logout --api <url>                         forget the cached sign-in

<url> is the devenv API, e.g. https://backstage.example.com/api/devenv.
`;

/** The help of one command: its line of USAGE (no command list, so help is not recursive). */
const COMMAND_USAGE: Record<string, string> = {
  login:
    'Usage: kubectl-kubeplatform login --api <url> [--no-browser]\n\nSign in through your browser once.\n',
  kubeconfig:
    'Usage: kubectl-kubeplatform kubeconfig --api <url> <cluster>/<name> [-o <file>]\n\nWrite a kubeconfig that runs this plugin (no token in it).\n',
  credential:
    'Usage: kubectl-kubeplatform credential --api <url> <cluster>/<name>\n\nPrint the ExecCredential kubectl asks for.\n',
  logout:
    'Usage: kubectl-kubeplatform logout --api <url>\n\nForget the cached sign-in.\n',
};

const LOGIN_TIMEOUT_MS = 5 * 60_000;

async function run(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      api: { type: 'string' },
      output: { type: 'string', short: 'o' },
      'no-browser': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, target] = positionals;
  if (values.help) {
    process.stdout.write((command && COMMAND_USAGE[command]) || USAGE);
    return;
  }
  if (!command) {
    throw new CliError(USAGE);
  }
  await runCommand(command, target, values);
}

async function runCommand(
  command: string,
  target: string | undefined,
  values: { api?: string; output?: string; 'no-browser'?: boolean },
): Promise<void> {
  switch (command) {
    case 'login':
      await login({
        api: apiUrl(values.api),
        openInBrowser: !values['no-browser'],
        timeoutMs: LOGIN_TIMEOUT_MS,
      });
      return;
    case 'credential':
      await credential({
        api: apiUrl(values.api),
        environment: environmentRef(target),
      });
      return;
    case 'kubeconfig':
      await kubeconfig({
        api: apiUrl(values.api),
        environment: environmentRef(target),
        output: values.output,
      });
      return;
    case 'logout':
      await logout({ api: apiUrl(values.api) });
      return;
    default:
      throw new CliError(`Unknown command "${command}"\n\n${USAGE}`);
  }
}

/**
 * Runs the CLI; failures are one line on stderr and exit code 1.
 *
 * @public
 */
export async function main(argv: string[]): Promise<void> {
  try {
    await run(argv);
  } catch (error) {
    const message =
      error instanceof CliError || error instanceof TypeError
        ? error.message
        : String(error);
    process.stderr.write(`kubectl-kubeplatform: ${message}\n`);
    process.exitCode = 1;
  }
}
