import type { V1Pod } from '@kubernetes/client-node';
import { loadFixture } from './__fixtures__/fixtures';
import { codes, expectProblem, objectRef } from './__testUtils__/expectProblem';
import { itDetects } from './__testUtils__/detectorTests';
import { detectPodProblems } from './pods';

// Fixtures are real pods from the local clusters; see docs/problems.md, "Test fixtures".
const pod = (name: string) => loadFixture<V1Pod>(name);
const at = (iso: string) => new Date(iso);

describe('detectPodProblems', () => {
  describe('CrashLoopBackOff (prod-us checkout, kwok crash-loop Stage)', () => {
    const crashing = pod('prod-us.pod-crashloop');
    const problems = detectPodProblems(crashing, at('2026-11-22T15:20:00Z'));

    it('reports only the crash loop, which carries the restart count', () => {
      expect(codes(problems)).toEqual(['CrashLoopBackOff:error']);
    });

    it('names the pod, container, restarts and last exit', () => {
      const [problem] = problems;
      expectProblem(problem, {
        object: objectRef(
          'Pod',
          'shop',
          'checkout-6bc878c6bd-2z42w',
          'checkout',
        ),
        since: '2026-11-22T15:16:05.000Z',
        messageContains: [
          'after 2 restarts',
          'exit code 1 (Error) at 2026-11-22T15:16:43.000Z',
        ],
        fixContains: [
          'kubectl logs -n shop checkout-6bc878c6bd-2z42w -c checkout --previous',
        ],
      });
    });

    it('gives the same answer for Date timestamps, as client-node deserialises them', () => {
      const withDates = structuredClone(crashing);
      const status = withDates.status!;
      for (const condition of status.conditions ?? []) {
        condition.lastTransitionTime = new Date(
          condition.lastTransitionTime as unknown as string,
        );
      }
      const terminated = status.containerStatuses![0].lastState!.terminated!;
      terminated.finishedAt = new Date(
        terminated.finishedAt as unknown as string,
      );
      expect(detectPodProblems(withDates, at('2026-11-22T15:20:00Z'))).toEqual(
        problems,
      );
    });
  });

  describe('image problems', () => {
    itDetects(detectPodProblems, [
      {
        title:
          'reports ImagePullBackOff with the image (dev-eu catalog-api, kwok Stage)',
        args: [
          pod('dev-eu.pod-image-pull-backoff'),
          at('2026-11-22T15:20:00Z'),
        ],
        codes: ['ImagePullBackOff:error'],
        expected: [
          {
            object: objectRef(
              'Pod',
              'shop',
              'catalog-api-59f7777d4d-j6h6b',
              'catalog-api',
            ),
            since: '2026-11-22T15:16:04.000Z',
            messageContains: [
              'cannot pull image "kubeplatform-demo/catalog-api:3.0.0-rc.1"',
            ],
            fixContains: [
              'docker manifest inspect kubeplatform-demo/catalog-api:3.0.0-rc.1',
            ],
          },
        ],
      },
      {
        title: 'reports ErrImagePull with the registry answer',
        args: [pod('dev-eu.pod-err-image-pull'), at('2026-11-22T15:20:00Z')],
        codes: ['ErrImagePull:error'],
        expected: [
          {
            object: objectRef(
              'Pod',
              'problem-fixtures',
              'err-image-pull',
              'web',
            ),
            since: '2026-11-22T15:16:59.000Z',
            messageContains: ['registry.example/shop/web:9.9.9: not found'],
          },
        ],
      },
      {
        title: 'reports InvalidImageName with the whole parse error',
        args: [
          pod('dev-eu.pod-invalid-image-name'),
          at('2026-11-22T15:20:00Z'),
        ],
        codes: ['InvalidImageName:error'],
        expected: [
          {
            object: objectRef(
              'Pod',
              'problem-fixtures',
              'invalid-image',
              'web',
            ),
            messageContains: [
              '"Registry.Example/Shop/Web:Latest"',
              'must be lowercase',
            ],
          },
        ],
      },
    ]);
  });

  itDetects(detectPodProblems, [
    {
      title: 'reports CreateContainerConfigError naming the missing ConfigMap',
      args: [
        pod('dev-eu.pod-create-container-config-error'),
        at('2026-11-22T15:20:00Z'),
      ],
      codes: ['CreateContainerConfigError:error'],
      expected: [
        {
          object: objectRef('Pod', 'problem-fixtures', 'missing-config', 'api'),
          since: '2026-11-22T15:16:59.000Z',
          messageContains: ['configmap "api-settings" not found'],
          fixContains: ['kubectl get configmaps,secrets -n problem-fixtures'],
        },
      ],
    },
    {
      title:
        'reports other waiting reasons as ContainerWaiting, and the failed start as a restart',
      args: [pod('dev-eu.pod-run-container-error'), at('2026-11-22T15:20:00Z')],
      codes: ['ContainerWaiting:warning', 'RestartsRising:warning'],
      expected: [
        { messageContains: ['(RunContainerError)', 'stat /app/start'] },
        { messageContains: ['exit code 128 (StartError)'] },
      ],
    },
    {
      title:
        'is an OOMKilled error within the hour, with the memory limit, and no separate restart problem (prod-us notifications, kwok OOM Stage)',
      args: [pod('prod-us.pod-oom-killed'), at('2026-11-22T15:46:07Z')],
      codes: ['OOMKilled:error'],
      expected: [
        {
          object: objectRef(
            'Pod',
            'discovery',
            'notifications-6c9bd5884c-5fbcb',
            'notifications',
          ),
          since: '2026-11-22T15:16:07.000Z',
          messageContains: ['30 minutes ago', 'memory limit is 256Mi'],
          fixContains: ['above 256Mi'],
        },
      ],
    },
    {
      title: 'is an OOMKilled warning once the kill is more than an hour old',
      args: [pod('prod-us.pod-oom-killed'), at('2026-11-22T17:16:08Z')],
      codes: ['OOMKilled:warning'],
    },
    {
      title:
        'is RestartsRising when the last restart was within the hour (dev-eu pod restarted twice, kubelet-style status)',
      args: [pod('dev-eu.pod-restarted'), at('2026-11-22T16:16:59Z')],
      codes: ['RestartsRising:warning'],
      expected: [
        {
          object: objectRef('Pod', 'problem-fixtures', 'restarted', 'app'),
          since: '2026-11-22T15:16:59.000Z',
          messageContains: ['2 times in total'],
        },
      ],
    },
    {
      title: 'falls back to ContainerRestarts (info) after an hour',
      args: [pod('dev-eu.pod-restarted'), at('2026-11-22T16:17:00Z')],
      codes: ['ContainerRestarts:info'],
      expected: [{ messageContains: ['none in the last hour'] }],
    },
  ]);

  describe('readiness failing past its threshold', () => {
    // dev-eu never-ready: started 15:16:28, probe every 5 s, failure threshold 3 => 15 s grace.
    const neverReady = pod('dev-eu.pod-never-ready');

    itDetects(detectPodProblems, [
      {
        title: 'is quiet while the probe still has time',
        args: [neverReady, at('2026-11-22T15:16:43Z')],
        codes: [],
      },
      {
        title: 'reports the probe once the grace period is over',
        args: [neverReady, at('2026-11-22T15:16:44Z')],
        codes: ['ReadinessProbeFailing:warning'],
        expected: [
          {
            object: objectRef(
              'Pod',
              'problem-fixtures',
              'never-ready-99784f8db-tz2fw',
              'api',
            ),
            since: '2026-11-22T15:16:43.000Z',
            messageContains: [
              'HTTP GET /healthz on port 8080, every 5s, failure threshold 3',
            ],
          },
        ],
      },
      {
        title:
          'reports the stuck rollout pod of prod-us payments with Kubernetes default timings',
        args: [
          pod('prod-us.pod-payments-never-ready'),
          at('2026-11-22T15:20:00Z'),
        ],
        codes: ['ReadinessProbeFailing:warning'],
        expected: [{ since: '2026-11-22T15:16:38.000Z' }],
      },
    ]);

    it('attack: never copies an exec probe command line or an HTTP query string into the message', () => {
      const secretProbe = structuredClone(neverReady);
      secretProbe.spec!.containers[0].readinessProbe = {
        exec: { command: ['sh', '-c', 'PGPASSWORD=hunter2 pg_isready'] },
        periodSeconds: 5,
      };
      const problems = detectPodProblems(
        secretProbe,
        at('2026-11-22T15:20:00Z'),
      );
      expect(codes(problems)).toEqual(['ReadinessProbeFailing:warning']);
      expect(JSON.stringify(problems)).not.toContain('hunter2');
      expect(problems[0].message).toContain(
        'an exec probe (command not shown)',
      );

      const tokenInQuery = structuredClone(neverReady);
      tokenInQuery.spec!.containers[0].readinessProbe!.httpGet!.path =
        '/healthz?token=s3cret';
      const httpProblems = detectPodProblems(
        tokenInQuery,
        at('2026-11-22T15:20:00Z'),
      );
      expect(JSON.stringify(httpProblems)).not.toContain('s3cret');
      expect(httpProblems[0].message).toContain('HTTP GET /healthz on port');
    });

    it('judges a container without a probe by the default 30 s', () => {
      const withoutProbe = structuredClone(neverReady);
      delete withoutProbe.spec!.containers[0].readinessProbe;
      expect(
        detectPodProblems(withoutProbe, at('2026-11-22T15:16:58Z')),
      ).toEqual([]);
      const problems = detectPodProblems(
        withoutProbe,
        at('2026-11-22T15:16:59Z'),
      );
      expect(codes(problems)).toEqual(['ReadinessProbeFailing:warning']);
      expect(problems[0].message).toContain('it has no readiness probe');
    });
  });

  itDetects(detectPodProblems, [
    {
      title:
        'reports Unschedulable with the scheduler message (dev-eu notifications, real scheduler)',
      args: [pod('dev-eu.pod-unschedulable'), at('2026-11-22T15:20:00Z')],
      codes: ['Unschedulable:error'],
      expected: [
        {
          object: objectRef(
            'Pod',
            'discovery',
            'notifications-845f4b6bd4-fb4xx',
          ),
          since: '2026-11-22T15:16:04.000Z',
          messageContains: ['0/3 nodes are available: 3 Insufficient cpu.'],
          fixContains: [
            "lower the pod's resource requests or add node capacity",
          ],
        },
      ],
    },
    {
      title:
        'is a normal start for the first 5 minutes (dev-eu, stuck in ContainerCreating: Secret volume missing)',
      args: [
        pod('dev-eu.pod-stuck-container-creating'),
        at('2026-11-22T15:30:20Z'),
      ],
      codes: [],
    },
    {
      title:
        'is ContainerWaiting after that, pointing at the events (dev-eu, stuck in ContainerCreating)',
      args: [
        pod('dev-eu.pod-stuck-container-creating'),
        at('2026-11-22T15:35:20Z'),
      ],
      codes: ['ContainerWaiting:warning'],
      expected: [
        {
          object: objectRef('Pod', 'problem-fixtures', 'stuck-creating', 'api'),
          since: '2026-11-22T15:25:20.000Z',
          messageContains: ['has been in ContainerCreating for 10 minutes'],
          fixContains: ['FailedMount'],
        },
      ],
    },
    {
      title:
        'reports a crash-looping init container once, not the app container waiting behind it',
      args: [
        pod('dev-eu.pod-init-container-crashloop'),
        at('2026-11-22T16:00:00Z'),
      ],
      codes: ['CrashLoopBackOff:error'],
      expected: [
        {
          object: objectRef(
            'Pod',
            'problem-fixtures',
            'init-crashloop',
            'migrate',
          ),
          since: '2026-11-22T15:36:47.000Z',
          messageContains: [
            'Init container "migrate" in pod init-crashloop is in CrashLoopBackOff after 3 restarts',
          ],
        },
      ],
    },
    {
      title: 'reports Evicted with the node and the kubelet reason',
      args: [pod('dev-eu.pod-evicted'), at('2026-11-22T15:20:00Z')],
      codes: ['Evicted:warning'],
      expected: [
        {
          object: objectRef('Pod', 'problem-fixtures', 'evicted'),
          since: '2026-11-22T15:16:59.000Z',
          messageContains: [
            'from node kwok-eu-west-1a-1',
            'low on resource: memory',
          ],
          fixContains: ['kubectl delete pod -n problem-fixtures evicted'],
        },
      ],
    },
    {
      title: 'reports nothing for a healthy running pod soon after it started',
      args: [pod('dev-eu.pod-running'), at('2026-11-22T15:17:00Z')],
      codes: [],
    },
    {
      title: 'reports nothing for a healthy running pod, however much later',
      args: [pod('dev-eu.pod-running'), at('2027-01-01T00:00:00Z')],
      codes: [],
    },
  ]);

  it.each([
    [
      'dev-eu.pod-unschedulable-missing-claim',
      'persistentvolumeclaim "db-data" not found',
      'check that its PersistentVolumeClaims are bound (`kubectl get pvc -n problem-fixtures`)',
    ],
    [
      'dev-eu.pod-unschedulable-node-selector',
      "3 node(s) didn't match Pod's node affinity/selector",
      'check the nodeSelector and node affinity against the labels of the nodes',
    ],
  ])(
    'turns the real scheduler message of %s into a matching fix',
    (fixture, reason, fix) => {
      const problems = detectPodProblems(
        pod(fixture),
        at('2026-11-22T15:30:00Z'),
      );
      expect(codes(problems)).toEqual(['Unschedulable:error']);
      expectProblem(problems[0], {
        since: '2026-11-22T15:25:07.000Z',
        messageContains: [reason],
        fixContains: [fix],
      });
      expect(problems[0].suggestedFix).not.toContain('Insufficient');
    },
  );
});
