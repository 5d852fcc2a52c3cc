import { promises as fs } from 'node:fs';
import { postWithSignIn } from '../devenvApi';
import { signedIn } from '../signedIn';

/**
 * Writes an environment's kubeconfig whose user runs this plugin: it holds no token, so it
 * can be kept; kubectl asks the plugin for a fresh one when it needs it.
 */
export async function kubeconfig(options: {
  api: string;
  environment: { ref: string; path: string };
  output?: string;
}): Promise<void> {
  const signIn = await signedIn(options.api);
  const response = await postWithSignIn(
    signIn,
    `${options.environment.path}/kubeconfig?format=exec`,
    options.environment.ref,
  );
  const yaml = await response.text();
  if (options.output) {
    await fs.writeFile(options.output, yaml, { mode: 0o600 });
    process.stderr.write(
      `Wrote ${options.output}. Try: kubectl --kubeconfig ${options.output} get pods\n`,
    );
  } else {
    process.stdout.write(yaml);
  }
}
