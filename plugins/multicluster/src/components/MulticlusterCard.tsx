import { InfoCard, Progress, WarningPanel } from '@backstage/core-components';
import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { KUBERNETES_ID_ANNOTATION } from '@kubeplatform/clusters-common';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';

/** The entity overview card: "Kubernetes across clusters". */
export function MulticlusterCard() {
  const { entity } = useEntity();
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  const kubernetesId = entity.metadata.annotations?.[KUBERNETES_ID_ANNOTATION];

  const health = useAsync(async () => {
    const baseUrl = await discoveryApi.getBaseUrl('multicluster');
    const res = await fetchApi.fetch(`${baseUrl}/health`);
    if (!res.ok) {
      throw new Error(`multicluster backend answered ${res.status}`);
    }
    return (await res.json()) as { status: string };
  }, [discoveryApi, fetchApi]);

  return (
    <InfoCard title="Kubernetes across clusters">
      {health.loading && <Progress />}
      {health.error && (
        <WarningPanel
          title="The multicluster backend is not reachable"
          message={health.error.message}
        />
      )}
      {health.value && (
        <Typography variant="body2" data-testid="multicluster-backend-status">
          Backend status: {health.value.status}. Workloads are matched by{' '}
          <code>
            {KUBERNETES_ID_ANNOTATION}: {kubernetesId ?? '(not set)'}
          </code>
          .
        </Typography>
      )}
    </InfoCard>
  );
}
