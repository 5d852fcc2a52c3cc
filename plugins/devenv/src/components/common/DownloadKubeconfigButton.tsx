import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { saveTextFile } from '@kubeplatform/clusters-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { fetchKubeconfigYaml, kubeconfigFileName } from '../../api/kubeconfig';
import { errorMessage } from './errorMessage';

/** Why a download failed, in words a developer acts on. */
function downloadFailure(error: unknown): string {
  if (error instanceof ResponseError && error.statusCode === 403) {
    return 'You may not connect to this environment.';
  }
  return errorMessage(error);
}

/**
 * Downloads a freshly issued kubeconfig with the browser's own Backstage session: the way to
 * connect without pasting a Backstage token into a terminal.
 */
export const DownloadKubeconfigButton = ({
  cluster,
  name,
}: {
  cluster: string;
  name: string;
}) => {
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();

  const download = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      const yaml = await fetchKubeconfigYaml(
        { discoveryApi, fetchApi },
        cluster,
        name,
      );
      saveTextFile({
        name: kubeconfigFileName(cluster, name),
        type: 'application/yaml',
        text: yaml,
      });
    } catch (error) {
      setFailure(
        `Could not download the kubeconfig of ${name} on ${cluster}: ${downloadFailure(
          error,
        )}`,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box>
      <Button
        size="small"
        variant="outlined"
        disabled={busy}
        aria-label={`Download kubeconfig of ${name} on ${cluster}`}
        title="Uses your Backstage sign-in: no token needed"
        onClick={download}
        style={{ whiteSpace: 'nowrap' }}
      >
        {busy ? 'Downloading…' : 'Download kubeconfig'}
      </Button>
      {failure && (
        <Typography variant="body2" color="error" role="alert">
          {failure}
        </Typography>
      )}
    </Box>
  );
};
