/**
 * The multicluster tab as the app renders it, with the plugin's real client reading the real
 * stream of the backend this page is served from. Bundled by `bundleLiveMatrix` and run in
 * headless Chromium by `ChromiumMatrix`.
 */
import { createRoot } from 'react-dom/client';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { TestApiProvider, wrapInTestApp } from '@backstage/test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  MulticlusterClient,
  multiclusterApiRef,
} from '@kubeplatform/plugin-multicluster';
/* eslint-disable @backstage/no-relative-monorepo-imports */
import { MulticlusterContent } from '../../../../../plugins/multicluster/src/components/content/MulticlusterContent';
/* eslint-enable @backstage/no-relative-monorepo-imports */

declare global {
  interface Window {
    /** Exposed by the bench: called with the cell's text and when the page saw it. */
    reportCell(text: string, at: number): void;
    /** This bundle, as esbuild's `globalName`. */
    liveBench: { mount: typeof mount };
  }
}

export function mount(options: { entityName: string; cellTestId: string }) {
  const entity: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: options.entityName,
      namespace: 'default',
      annotations: { 'backstage.io/kubernetes-id': options.entityName },
    },
  };
  const api = new MulticlusterClient({
    discoveryApi: {
      getBaseUrl: async plugin => `${window.location.origin}/api/${plugin}`,
    },
    fetchApi: { fetch: (input, init) => window.fetch(input, init) },
  });
  const container = document.createElement('div');
  document.body.appendChild(container);
  let last = '';
  // Every DOM change is checked at once, so the time is when the new count reached the DOM.
  new MutationObserver(() => {
    const cell = container.querySelector(
      `[data-testid="${options.cellTestId}"]`,
    );
    const text = cell?.textContent ?? '';
    if (text && text !== last) {
      last = text;
      window.reportCell(text, Date.now());
    }
  }).observe(container, {
    subtree: true,
    childList: true,
    characterData: true,
  });
  createRoot(container).render(
    wrapInTestApp(
      <TestApiProvider apis={[[multiclusterApiRef, api]]}>
        <EntityProvider entity={entity}>
          <MulticlusterContent />
        </EntityProvider>
      </TestApiProvider>,
    ),
  );
}
