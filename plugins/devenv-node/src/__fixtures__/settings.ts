import { parseDevenvSettings } from '../config/readDevenvSettings';

/** The classes the tests use; the same shapes as the demo app-config. */
export function testSettings(
  overrides: { infraManifests?: string; claimTimeout?: string } = {},
) {
  return parseDevenvSettings({
    sizes: {
      small: { cpu: '2', memory: '4Gi', pods: 20 },
      medium: { cpu: '4', memory: '8Gi', pods: 40 },
    },
    classes: [
      {
        name: 'namespace',
        type: 'namespace',
        title: 'Namespace',
        ttl: { default: '8h', max: '7d' },
        allowFromNamespaces: ['ingress-nginx', 'kube-system'],
        parameters: {
          installInfra: { type: 'boolean', default: false },
          debug: { type: 'string-list' },
        },
        ...(overrides.infraManifests
          ? { infraManifests: overrides.infraManifests }
          : {}),
      },
      {
        name: 'environment-claim',
        type: 'resource-template',
        clusters: ['dev-eu'],
        namespace: 'default',
        ttl: { default: '1d', max: '14d' },
        parameters: { installInfra: { type: 'boolean', default: true } },
        template: {
          apiVersion: 'salaboy.com/v1alpha1',
          kind: 'Environment',
          spec: {
            compositionSelector: { matchLabels: { type: 'development' } },
            parameters: { installInfra: '{{ parameters.installInfra }}' },
            writeConnectionSecretToRef: { name: '{{ name }}-connection' },
          },
        },
        readiness: {
          condition: 'Ready',
          timeout: overrides.claimTimeout ?? '30s',
        },
        connection: { type: 'secret', secretName: '{{ name }}-connection' },
      },
      {
        // A claim with a namespace of its own, as a vcluster class has: it can sleep.
        name: 'isolated-claim',
        type: 'resource-template',
        clusters: ['dev-eu'],
        namespace: 'claim-{{ name }}',
        createNamespace: true,
        ttl: { default: '1d', max: '14d' },
        template: {
          apiVersion: 'salaboy.com/v1alpha1',
          kind: 'Environment',
          spec: {
            compositionSelector: { matchLabels: { type: 'development' } },
            parameters: { installInfra: false },
          },
        },
        readiness: { condition: 'Ready', timeout: '30s' },
        connection: {
          type: 'vcluster',
          command: 'vcluster connect {{ name }} -n {{ namespace }}',
        },
      },
    ],
  });
}
