import type {
  EntityTimeline,
  TimelineEntry,
} from '@kubeplatform/clusters-common';
import { parseEntityTimeline } from '../api/parseEntityTimeline';
import checkoutTimeline from './captured/checkout.demo.timeline.json';

/**
 * checkout's timeline as the real backend answered it on the demo fleet (1.5.0 in dev-eu, 1.4.2
 * crash-looping in prod-us), through the client's own validator.
 */
export const capturedCheckoutTimeline: EntityTimeline = parseEntityTimeline(
  JSON.stringify(checkoutTimeline),
  'captured',
);

const devEuRollout = capturedCheckoutTimeline.entries.find(
  e => e.type === 'rollout' && e.cluster === 'dev-eu',
)!;

/** The captured timeline after 1.5.0 also reached prod-us, two hours after dev-eu. */
export const promotedCheckoutTimeline: EntityTimeline = {
  ...capturedCheckoutTimeline,
  entries: [
    {
      ...devEuRollout,
      id: 'prod-us/ReplicaSet/shop/checkout-585b4f774c',
      cluster: 'prod-us',
      time: new Date(Date.parse(devEuRollout.time) + 2 * 3600_000)
        .toISOString()
        .replace('.000', ''),
      message: `Revision 2: checkout kubeplatform-demo/checkout:1.4.2 → kubeplatform-demo/checkout:1.5.0`,
      rollout: { ...devEuRollout.rollout!, revision: 2 },
    } satisfies TimelineEntry,
    ...capturedCheckoutTimeline.entries,
  ],
};
