/**
 * The environment-composition-simulator process, started in the background by
 * `yarn clusters up` and stopped by `yarn clusters down`. It watches Environment claims in
 * dev-eu and satisfies them, the way a Crossplane Composition does in production.
 */
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

async function main() {
  const kubeconfig = process.argv[2];
  if (!kubeconfig)
    throw new Error('usage: environment-composition-simulator <kubeconfig>');
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfig);
  kc.setCurrentContext(ENVIRONMENT_CLUSTER);
  const simulator = new EnvironmentCompositionSimulator(kc, log);

  let pending = false;
  const pass = async () => {
    if (pending) return;
    pending = true;
    try {
      await simulator.reconcileAll();
    } catch (error) {
      log(`reconcile failed: ${(error as Error).message}`);
    } finally {
      pending = false;
    }
  };

  // A watch makes new claims move at once; the timer finishes provisioning and covers any
  // event the watch missed while it reconnected.
  const startWatch = async () => {
    const watch = new Watch(kc);
    await watch.watch(
      `/apis/${ENVIRONMENT_GROUP}/${ENVIRONMENT_VERSION}/${ENVIRONMENT_PLURAL}`,
      {},
      () => void pass(),
      () => setTimeout(() => void startWatch().catch(() => undefined), 2000),
    );
  };
  await startWatch().catch(error =>
    log(`watch failed: ${(error as Error).message}`),
  );
  setInterval(() => void pass(), PROVISIONING_DELAY_MS / 2);
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
