import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MulticlusterContent } from '../components/content/MulticlusterContent';
import { FakeMulticlusterApi } from './FakeMulticlusterApi';
import { renderWithEntity } from './renderWithEntity';

/** Clicks the matrix cell of `workload` in `cluster` and returns the drawer it opens. */
export async function openCell(workload: string, cluster: string) {
  await userEvent.click(screen.getByTestId(`cell-${workload}-${cluster}`));
  return screen.findByTestId('workload-drawer');
}

/** Renders checkout's Clusters tab with `api` and returns the drawer of `workload` in `cluster`. */
export async function openDrawerInTab(
  api: FakeMulticlusterApi,
  workload: string,
  cluster: string,
) {
  await renderWithEntity(<MulticlusterContent />, api);
  return openCell(workload, cluster);
}
