import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { EntityAddress, multiclusterTimelineApiRef } from '../../api';
import { useViewerAuth } from '../../hooks/useViewerAuth';

/** The entity's whole timeline; `refreshKey` reloads it (the drawer's live refresh). */
export function useEntityTimeline(entity: EntityAddress, refreshKey?: string) {
  const api = useApi(multiclusterTimelineApiRef);
  const viewerAuth = useViewerAuth();
  return useAsyncRetry(
    () => api.getEntityTimeline(entity, {}, { viewerAuth }),
    [api, viewerAuth, entity, refreshKey],
  );
}
