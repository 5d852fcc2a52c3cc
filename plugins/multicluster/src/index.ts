/**
 * The multi-cluster service view for Backstage: entity card, entity tab and team card.
 *
 * @packageDocumentation
 */

export { multiclusterPlugin, EntityMulticlusterCard } from './plugin';
export { isMulticlusterAvailable } from './isMulticlusterAvailable';
