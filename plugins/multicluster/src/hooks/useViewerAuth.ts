import { useMemo } from 'react';
import { useApiHolder } from '@backstage/core-plugin-api';
import { kubernetesAuthProvidersApiRef } from '@backstage/plugin-kubernetes-react';
import { MulticlusterViewerAuth, viewerCredentialsFor } from '../api';

/**
 * The viewer's provider tokens for user-level clusters, from upstream's
 * `kubernetesAuthProvidersApiRef` when the app has it (an optional dependency: without it,
 * nothing is sent and such clusters show as unauthorized). Shared by every view of the session.
 *
 * @public
 */
export function useViewerAuth(): MulticlusterViewerAuth {
  const authProviders = useApiHolder().get(kubernetesAuthProvidersApiRef);
  return useMemo(() => viewerCredentialsFor(authProviders), [authProviders]);
}
