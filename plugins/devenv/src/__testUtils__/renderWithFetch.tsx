import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { ReactElement } from 'react';

/** Renders `element` in a test app whose fetchApi is `fetch`, with backends at backstage.test. */
export async function renderWithFetch(element: ReactElement, fetch: jest.Mock) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [fetchApiRef, { fetch }],
        [
          discoveryApiRef,
          {
            getBaseUrl: async (plugin: string) =>
              `http://backstage.test/api/${plugin}`,
          },
        ],
      ]}
    >
      {element}
    </TestApiProvider>,
  );
}
