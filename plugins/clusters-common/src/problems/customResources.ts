import type { TrimmedCustomResource } from '../customResources/types';
import { customResourceHealthRule } from '../customResources/kindRules';
import { sentence } from './conditions';
import { problemObject } from './objectRef';
import type { KubernetesTimestamp } from './timestamps';
import { Problem } from './types';

/** A custom resource whose health rule says Failed is an error; other states are not problems. */
export function detectCustomResourceProblems(
  obj: TrimmedCustomResource<KubernetesTimestamp>,
): Problem[] {
  const rule = customResourceHealthRule(obj);
  const health = rule.health(obj);
  if (health.status !== 'Failed') return [];
  const why = [health.reason, health.message].filter(Boolean).join(': ');
  const problem: Problem = {
    code: 'CustomResourceFailed',
    severity: 'error',
    message: sentence(
      `${obj.kind} ${obj.metadata?.name ?? ''} is failing${
        why ? ` (${why})` : ''
      }`,
    ),
    suggestedFix: rule.suggestedFix(obj),
    object: problemObject(obj.kind, obj.metadata),
  };
  if (health.since) problem.since = health.since;
  return [problem];
}
