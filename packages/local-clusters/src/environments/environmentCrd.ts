import { KubernetesObject } from '@kubernetes/client-node';

export const ENVIRONMENT_GROUP = 'salaboy.com';
export const ENVIRONMENT_VERSION = 'v1alpha1';
export const ENVIRONMENT_PLURAL = 'environments';
/** The cluster whose platform API offers Environment claims. */
export const ENVIRONMENT_CLUSTER = 'dev-eu';

/**
 * The platform's Environment API: a namespaced Crossplane-style claim, as in the book chapter
 * the project comes from. In production a Crossplane Composition satisfies it; locally the
 * environment-composition-simulator does.
 */
export function environmentCrd(): KubernetesObject {
  const condition = {
    type: 'object',
    required: ['type', 'status'],
    properties: {
      type: { type: 'string' },
      status: { type: 'string' },
      reason: { type: 'string' },
      message: { type: 'string' },
      lastTransitionTime: { type: 'string', format: 'date-time' },
    },
  };
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${ENVIRONMENT_PLURAL}.${ENVIRONMENT_GROUP}` },
    spec: {
      group: ENVIRONMENT_GROUP,
      scope: 'Namespaced',
      names: {
        plural: ENVIRONMENT_PLURAL,
        singular: 'environment',
        kind: 'Environment',
        listKind: 'EnvironmentList',
        shortNames: ['env'],
        categories: ['claim'],
      },
      versions: [
        {
          name: ENVIRONMENT_VERSION,
          served: true,
          storage: true,
          subresources: { status: {} },
          additionalPrinterColumns: [
            {
              name: 'READY',
              type: 'string',
              jsonPath: '.status.conditions[?(@.type=="Ready")].status',
            },
            {
              name: 'CONNECTION-SECRET',
              type: 'string',
              jsonPath: '.status.connectionSecretRef.name',
            },
            {
              name: 'AGE',
              type: 'date',
              jsonPath: '.metadata.creationTimestamp',
            },
          ],
          schema: {
            openAPIV3Schema: {
              type: 'object',
              properties: {
                spec: {
                  type: 'object',
                  properties: {
                    compositionSelector: {
                      type: 'object',
                      properties: {
                        matchLabels: {
                          type: 'object',
                          additionalProperties: { type: 'string' },
                        },
                      },
                    },
                    parameters: {
                      type: 'object',
                      'x-kubernetes-preserve-unknown-fields': true,
                      properties: { installInfra: { type: 'boolean' } },
                    },
                    writeConnectionSecretToRef: {
                      type: 'object',
                      required: ['name'],
                      properties: { name: { type: 'string' } },
                    },
                  },
                },
                status: {
                  type: 'object',
                  properties: {
                    conditions: { type: 'array', items: condition },
                    connectionDetails: {
                      type: 'object',
                      properties: {
                        lastPublishedTime: {
                          type: 'string',
                          format: 'date-time',
                        },
                      },
                    },
                    connectionSecretRef: {
                      type: 'object',
                      properties: {
                        name: { type: 'string' },
                        namespace: { type: 'string' },
                      },
                    },
                    compositionRef: {
                      type: 'object',
                      properties: { name: { type: 'string' } },
                    },
                    url: { type: 'string' },
                  },
                },
              },
            },
          },
        },
      ],
    },
  } as KubernetesObject;
}
