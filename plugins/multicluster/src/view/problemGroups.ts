import { EntityView, Problem } from '@kubeplatform/clusters-common';
import { compareProblemsCauseFirst } from './problemOrder';

/** The workload a pod problem belongs to, and how many pods it runs. */
export interface PodOwner {
  kind: string;
  name: string;
  podCount: number;
}

/**
 * Problems as an incident reads them: the pods of one workload in one cluster failing for the
 * same cause are one group ("3 of 3 pods of checkout in prod-us: CrashLoopBackOff, exit 1"),
 * with the pods inside. Every other problem is a group of its own.
 */
export interface ProblemGroup {
  key: string;
  /** The worst problem of the group, which orders the groups. */
  lead: Problem;
  problems: Problem[];
  /** Set for a group of pods of one workload. */
  title?: string;
}

/** Finds the owner of a pod problem; undefined when it is not known (e.g. a bare pod). */
export type PodOwnerLookup = (problem: Problem) => PodOwner | undefined;

function exitCode(problem: Problem): string | undefined {
  return /exit code (-?\d+)/.exec(problem.message)?.[1];
}

function restarts(problem: Problem): number {
  return Number(/after (\d+) restarts?/.exec(problem.message)?.[1] ?? 0);
}

/** Worst first; among equally bad pods, the one that restarted most first. */
function compareInGroup(a: Problem, b: Problem): number {
  return (
    compareProblemsCauseFirst(a, b) ||
    restarts(b) - restarts(a) ||
    a.object.name.localeCompare(b.object.name)
  );
}

export function groupProblems(
  problems: Problem[],
  ownerOf: PodOwnerLookup,
): ProblemGroup[] {
  const groups = new Map<
    string,
    { problems: Problem[]; owner?: PodOwner; cause?: string }
  >();
  problems.forEach((problem, index) => {
    const owner = problem.object.kind === 'Pod' ? ownerOf(problem) : undefined;
    const code = exitCode(problem);
    const cause = `${problem.code}${
      code !== undefined ? `, exit ${code}` : ''
    }`;
    const key = owner
      ? `pods|${problem.cluster ?? ''}|${problem.object.namespace ?? ''}|${
          owner.kind
        }|${owner.name}|${cause}`
      : `one|${index}`;
    const group = groups.get(key) ?? { problems: [], owner, cause };
    group.problems.push(problem);
    groups.set(key, group);
  });
  return [...groups.entries()]
    .map(([key, group]) => {
      const sorted = [...group.problems].sort(compareInGroup);
      const pods = new Set(sorted.map(p => p.object.name)).size;
      return {
        key,
        lead: sorted[0],
        problems: sorted,
        ...(group.owner && {
          title: `${pods} of ${Math.max(group.owner.podCount, pods)} pod${
            group.owner.podCount === 1 ? '' : 's'
          } of ${group.owner.name}${
            sorted[0].cluster ? ` in ${sorted[0].cluster}` : ''
          }: ${group.cause}`,
        }),
      };
    })
    .sort((a, b) => compareProblemsCauseFirst(a.lead, b.lead));
}

/** Pod owners from the entity view: each workload lists its pods' problems. */
export function podOwnersFromView(view: EntityView): PodOwnerLookup {
  const owners = new Map<string, PodOwner>();
  for (const cluster of view.clusters) {
    for (const workload of cluster.workloads) {
      const podCount = Object.values(workload.podPhases).reduce<number>(
        (sum, n) => sum + (n ?? 0),
        0,
      );
      for (const p of workload.problems) {
        if (p.object.kind !== 'Pod') continue;
        owners.set(
          `${p.cluster ?? cluster.cluster.name}|${p.object.namespace}|${
            p.object.name
          }`,
          { kind: workload.kind, name: workload.name, podCount },
        );
      }
    }
  }
  return problem =>
    owners.get(
      `${problem.cluster ?? ''}|${problem.object.namespace}|${
        problem.object.name
      }`,
    );
}
