/**
 * Isomorphic types, problem detectors, environment spec schema and permission definitions shared
 * by every Kubeplatform plugin.
 *
 * @packageDocumentation
 */

export * from './annotations';
export * from './permissions';
export * from './podExec';
export * from './problems';
export * from './problems/types';
export * from './view/types';
export * from './trimmed';
export * from './workloads';
export * from './environments';
export * from './search';
export * from './customResources';
export * from './timeline';
export * from './metrics';
export * from './sse';
export * from './saveTextFile';
