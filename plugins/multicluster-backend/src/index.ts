/**
 * The multi-cluster service view backend plugin for Backstage.
 *
 * @packageDocumentation
 */

export { multiclusterPlugin as default } from './plugin';
