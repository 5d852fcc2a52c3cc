import { HealthState, Problem } from '@kubeplatform/clusters-common';

const RANK: Record<HealthState, number> = {
  error: 3,
  warning: 2,
  unknown: 1,
  healthy: 0,
};

export function worstHealth(
  states: HealthState[],
  fallback: HealthState = 'healthy',
): HealthState {
  return states.reduce(
    (worst, s) => (RANK[s] > RANK[worst] ? s : worst),
    fallback,
  );
}

export function healthOfProblems(problems: Problem[]): HealthState {
  if (problems.some(p => p.severity === 'error')) return 'error';
  if (problems.some(p => p.severity === 'warning')) return 'warning';
  return 'healthy';
}

export function healthRank(state: HealthState): number {
  return RANK[state];
}
