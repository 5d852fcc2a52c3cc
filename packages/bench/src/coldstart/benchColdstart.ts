import { startContender } from '../contenders/startContender';
import { loadBenchFleet } from '../shared/benchFleet';
import { machineLoad } from '../shared/machine';
import {
  benchCommand,
  benchLog,
  publishResult,
  runBench,
} from '../shared/benchRun';
import { resultHeader } from '../shared/resultHeader';
import { median } from '../multicluster/loadRun';
import { observeUntilComplete } from './observeView';
import { renderColdstartSection } from './renderSection';

const log = benchLog('coldstart');

async function main() {
  const { runs, timeout } = benchCommand(
    'coldstart',
    "Time from spawning Kubeplatform's backend to a complete entity view, and every state the view shows before that.",
    {
      runs: ['--runs <n>', 'cold starts, each a fresh backend process', 3],
      timeout: [
        '--timeout <s>',
        'give up on a run after this many seconds',
        300,
      ],
    },
  );
  const timeoutMs = timeout * 1000;

  const fleet = await loadBenchFleet();
  const service = fleet.serviceIds[0];
  log(
    `fleet: ${fleet.clusters.join(', ')}; scale pods: ${
      fleet.scalePods
    }; polling service ${service}`,
  );
  const results = [];
  const loadBefore = machineLoad();
  for (let run = 1; run <= runs; run++) {
    let spawnedAt = 0;
    const backend = await startContender('ours', fleet.spec, {
      onSpawn: at => {
        spawnedAt = at;
      },
    });
    try {
      const observed = await observeUntilComplete({
        apiUrl: backend.apiUrl,
        service,
        clusters: fleet.clusters,
        spawnedAt,
        timeoutMs,
      });
      const result = {
        run,
        readyMs: Math.round(backend.readyAt - spawnedAt),
        child: backend.childTimings,
        ...observed,
      };
      results.push(result);
      log(
        `run ${run}: modules loaded ${
          result.child.modulesLoadedMs
        } ms, backend ready ${result.readyMs} ms after spawn; complete at ${
          result.completeMs
        } ms; states: ${result.states
          .map(s => `${s.atMs} ms ${s.state}`)
          .join(' | ')}`,
      );
    } finally {
      await backend.stop();
    }
  }
  const loadAfter = machineLoad();

  const violations = results.flatMap(r =>
    r.violations.map(v => `run ${r.run}: ${v}`),
  );
  const completeS = median(results.map(r => r.completeMs)) / 1000;
  const summary = `coldstart: complete=${completeS.toFixed(2)} s`;
  const result = {
    ...resultHeader('coldstart', `yarn bench:coldstart --runs ${runs}`, {
      before: loadBefore,
      after: loadAfter,
    }),
    fleet: {
      clusters: fleet.clusters,
      scalePods: fleet.scalePods,
      service,
    },
    runs: results,
    violations,
    completeS: Math.round(completeS * 100) / 100,
    summary,
  };
  if (violations.length) {
    for (const v of violations) log(`VIOLATION: ${v}`);
    throw new Error(
      `the view showed something other than syncing before it was complete; nothing written to docs`,
    );
  }
  publishResult(
    'coldstart',
    'Cold start',
    result,
    renderColdstartSection(result),
    log,
  );
}

runBench('coldstart', main);
