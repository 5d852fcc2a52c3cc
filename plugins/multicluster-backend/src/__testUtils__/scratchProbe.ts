import type { V1Deployment } from '@kubernetes/client-node';

/** The labels of a probe workload `id` and its pods. */
const probeLabels = (id: string) => ({
  'backstage.io/kubernetes-id': id,
  app: id,
});

/**
 * A Deployment `id` whose pods run one container `app` of `image`; it and its pods carry
 * `backstage.io/kubernetes-id: id`, so the entity `id` finds them.
 */
export function probeDeployment(
  id: string,
  image: string,
  replicas = 1,
): V1Deployment {
  const labels = probeLabels(id);
  return {
    metadata: { name: id, labels },
    spec: {
      replicas,
      selector: { matchLabels: { app: id } },
      template: {
        metadata: { labels },
        spec: { containers: [{ name: 'app', image }] },
      },
    },
  };
}

/**
 * The names a test file that writes to the local fleet gives its own objects, new on every run
 * so that a rerun never meets what an earlier run left: `id` (`<tag>probe-<suffix>`) names the
 * probe workload and its entity, `namespace(part)` a scratch namespace (`kp-<tag>[-<part>]-<suffix>`).
 */
export function scratchProbe(tag: string) {
  const suffix = Date.now().toString(36);
  const id = `${tag}probe-${suffix}`;
  return {
    id,
    /** The labels of the probe workload and its pods. */
    labels: probeLabels(id),
    namespace: (part?: string) =>
      ['kp', tag, part, suffix].filter(Boolean).join('-'),
    /** The probe workload, running `image`. */
    deployment: (image: string, replicas?: number) =>
      probeDeployment(id, image, replicas),
  };
}
