import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { EntityAddress, multiclusterTimelineApiRef } from '../../api';

/** The entity's whole timeline; `refreshKey` reloads it (the drawer's live refresh). */
export function useEntityTimeline(entity: EntityAddress, refreshKey?: string) {
  const api = useApi(multiclusterTimelineApiRef);
  return useAsyncRetry(
    () => api.getEntityTimeline(entity),
    [api, entity, refreshKey],
  );
}
