import type {
  CoreV1Event,
  V1CronJob,
  V1DaemonSet,
  V1Deployment,
  V1Job,
  V1Pod,
  V1ReplicaSet,
  V1StatefulSet,
  V2HorizontalPodAutoscaler,
} from '@kubernetes/client-node';
import { detectAutoscalerProblems } from './autoscalers';
import { detectCronJobProblems } from './cronjobs';
import { detectDaemonSetProblems } from './daemonsets';
import {
  detectDeploymentProblems,
  detectReplicaSetProblems,
} from './deployments';
import { detectWarningEventProblems } from './events';
import { detectJobProblems } from './jobs';
import { detectPodProblems } from './pods';
import { detectRestartsRising } from './restarts';
import { detectStatefulSetProblems } from './statefulsets';

// The watch cache trims objects and a browser may receive partial ones: a detector must treat
// every missing field as "unknown" and report nothing rather than throw.
const now = new Date('2026-11-22T16:00:00Z');
const shapes = [{}, { metadata: {} }, { metadata: { name: 'x' }, status: {} }];

describe('detectors on trimmed objects', () => {
  it.each(shapes)('report nothing for %j', shape => {
    expect(detectPodProblems(shape as V1Pod, now)).toEqual([]);
    expect(detectDeploymentProblems(shape as V1Deployment)).toEqual([]);
    expect(detectReplicaSetProblems(shape as V1ReplicaSet)).toEqual([]);
    expect(detectStatefulSetProblems(shape as V1StatefulSet)).toEqual([]);
    expect(detectDaemonSetProblems(shape as V1DaemonSet)).toEqual([]);
    expect(detectJobProblems(shape as V1Job)).toEqual([]);
    expect(detectCronJobProblems(shape as V1CronJob, [])).toEqual([]);
    expect(detectCronJobProblems(shape as V1CronJob, [shape as V1Job])).toEqual(
      [],
    );
    expect(
      detectAutoscalerProblems(shape as V2HorizontalPodAutoscaler),
    ).toEqual([]);
    expect(detectWarningEventProblems(shape as CoreV1Event, now)).toEqual([]);
    expect(
      detectRestartsRising(
        shape as V1Pod,
        { at: '2026-11-22T15:00:00Z', restartCounts: {} },
        now,
      ),
    ).toEqual([]);
  });
});
