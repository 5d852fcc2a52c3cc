/**
 * The environment-composition-simulator process, started in the background by
 * `yarn clusters up` and stopped by `yarn clusters down`. It watches Environment claims in
 * dev-eu and satisfies them, the way a Crossplane Composition does in production.
 */
import fs from 'node:fs';
import { KubeConfig, Watch } from '@kubernetes/client-node';
import {
  ENVIRONMENT_CLUSTER,
  ENVIRONMENT_GROUP,
  ENVIRONMENT_PLURAL,
  ENVIRONMENT_VERSION,
} from './environmentCrd';
import {
  EnvironmentCompositionSimulator,
  PROVISIONING_DELAY_MS,
} from './compositionSimulator';

const log = (line: string) =>
  process.stdout.write(`${new Date().toISOString()} ${line}\n`);

/** The client for dev-eu, rebuilt when `up` rewrites the kubeconfig (a recreated cluster). */
class Connection {
  private loadedAt = 0;
  kc = new KubeConfig();
  simulator!: EnvironmentCompositionSimulator;

  constructor(private readonly kubeconfig: string) {
    this.refresh();
  }

  /** True when the kubeconfig changed and the client was rebuilt. */
  refresh(): boolean {
    const mtime = fs.statSync(this.kubeconfig).mtimeMs;
    if (mtime === this.loadedAt) return false;
    const kc = new KubeConfig();
    kc.loadFromFile(this.kubeconfig);
    kc.setCurrentContext(ENVIRONMENT_CLUSTER);
    this.kc = kc;
    this.simulator = new EnvironmentCompositionSimulator(kc, log);
    this.loadedAt = mtime;
    return true;
  }
}

async function main() {
  const kubeconfig = process.argv[2];
  if (!kubeconfig)
    throw new Error('usage: environment-composition-simulator <kubeconfig>');
  const connection = new Connection(kubeconfig);

  let pending = false;
  const pass = async () => {
    if (pending) return;
    pending = true;
    try {
      await connection.simulator.reconcileAll();
    } catch (error) {
      log(`reconcile failed: ${(error as Error).message}`);
    } finally {
      pending = false;
    }
  };

  // A watch makes new claims move at once; the timer finishes provisioning and covers any
  // event the watch missed while it reconnected.
  let stopWatch: AbortController | undefined;
  const startWatch = async () => {
    stopWatch = await new Watch(connection.kc).watch(
      `/apis/${ENVIRONMENT_GROUP}/${ENVIRONMENT_VERSION}/${ENVIRONMENT_PLURAL}`,
      {},
      () => void pass(),
      () => setTimeout(() => void startWatch().catch(() => undefined), 2000),
    );
  };
  await startWatch().catch(error =>
    log(`watch failed: ${(error as Error).message}`),
  );
  setInterval(() => {
    if (connection.refresh()) {
      log(`${kubeconfig} changed; reconnecting to ${ENVIRONMENT_CLUSTER}`);
      stopWatch?.abort();
    }
    void pass();
  }, PROVISIONING_DELAY_MS / 2);
  log(
    `watching ${ENVIRONMENT_PLURAL}.${ENVIRONMENT_GROUP} in ${ENVIRONMENT_CLUSTER}`,
  );
  await pass();
}

process.on('SIGTERM', () => process.exit(0));
main().catch(error => {
  log(`fatal: ${(error as Error).message}`);
  process.exit(1);
});
