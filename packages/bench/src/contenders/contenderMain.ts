/*
 * The entry of one contender's backend process, started by `startContender`:
 *   node --require @backstage/cli/config/nodeTransform.cjs contenderMain.ts <upstream|ours> <spec.json>
 * It tells its parent the port over IPC once the backend has started, and stops when the parent
 * disconnects.
 */
import fs from 'node:fs';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { startFleetBackend } from '@kubeplatform/plugin-clusters-backend/testUtils';
import { relayClustersFrom } from './sourceAddressProxy';
import { startStallMonitor } from './stallMonitor';
import {
  ContenderMessage,
  ContenderName,
  ContenderRequest,
  ContenderSpec,
} from './types';

async function main() {
  // performance.now() counts from the start of this process; static imports are loaded by now.
  const modulesLoadedMs = performance.now();
  const [contender, specPath] = process.argv.slice(2) as [
    ContenderName,
    string,
  ];
  const spec: ContenderSpec = JSON.parse(fs.readFileSync(specPath, 'utf8'));
  const quiet = mockServices.rootLogger.factory({ level: 'error' });
  let stop: () => Promise<void>;
  let port: number;
  if (contender === 'ours') {
    const backend = await startFleetBackend({
      config: spec.sourceAddress
        ? await relayClustersFrom(spec.config, spec.sourceAddress)
        : spec.config,
      entities: spec.entities,
      features: [import('@kubeplatform/plugin-multicluster-backend'), quiet],
    });
    port = Number(new URL(backend.baseUrl).port);
    stop = () => backend.stop();
  } else if (contender === 'upstream') {
    // Upstream alone: no clusters plugin, the same config, catalog and allow-all permissions.
    const backend = await startTestBackend({
      features: [
        import('@backstage/plugin-kubernetes-backend'),
        mockServices.rootConfig.factory({ data: spec.config }),
        catalogServiceMock.factory({ entities: spec.entities }),
        createServiceFactory({
          service: coreServices.permissions,
          deps: {},
          factory: () => mockServices.permissions(),
        }),
        quiet,
      ],
    });
    port = backend.server.port();
    stop = () => backend.stop();
  } else {
    throw new Error(`unknown contender '${contender}'`);
  }
  const ready: ContenderMessage = {
    type: 'ready',
    port,
    modulesLoadedMs: Math.round(modulesLoadedMs),
    backendStartedMs: Math.round(performance.now()),
  };
  const stalls = startStallMonitor();
  process.on('message', (request: ContenderRequest) => {
    if (request?.type !== 'take-stalls') return;
    const answer: ContenderMessage = { type: 'stalls', report: stalls.take() };
    process.send!(answer);
  });
  process.send!(ready);
  process.on('disconnect', () => {
    stalls.stop();
    stop().finally(() => process.exit(0));
  });
}

main().catch(error => {
  const failed: ContenderMessage = {
    type: 'failed',
    message: String(error?.stack ?? error),
  };
  if (process.send) process.send(failed);
  else console.error(failed.message);
  process.exit(1);
});
