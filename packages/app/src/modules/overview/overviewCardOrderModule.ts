import { createFrontendModule } from '@backstage/frontend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog/alpha';

/** The card the demo app shows first on an entity's Overview. */
export const FIRST_OVERVIEW_CARD = 'entity-card:multicluster/overview';

/**
 * Puts the multi-cluster card at the top of a service's Overview. Cards otherwise come in the
 * order their plugins were discovered, which puts it below the catalog's API and dependency
 * cards, most of them empty for a service; where a service runs and how it is doing comes first.
 */
export const overviewCardOrderModule = createFrontendModule({
  pluginId: 'catalog',
  extensions: [
    catalogPlugin.getExtension('entity-content:catalog/overview').override({
      factory(originalFactory, { inputs }) {
        const first = (card: { node: { spec: { id: string } } }) =>
          card.node.spec.id === FIRST_OVERVIEW_CARD ? 0 : 1;
        const cards = [...inputs.cards].sort((a, b) => first(a) - first(b));
        return originalFactory({
          inputs: { layouts: [...inputs.layouts], cards },
        });
      },
    }),
  ],
});
