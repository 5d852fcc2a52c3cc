import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { errorMessage } from '../common/errorMessage';
import { cliSignInRequest, issueCliToken, postToCli } from './cliSignIn';

/**
 * Shown when `kubectl-kubeplatform login` opened this page: asks the user to confirm, then
 * hands the plugin a limited token for their session. Nothing happens without the click, so a
 * link to this page alone signs nothing in.
 */
export const CliSignInPanel = () => {
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  const [request] = useState(() => cliSignInRequest(window.location.search));
  const [status, setStatus] = useState<
    'asking' | 'sending' | 'declined' | { failed: string }
  >('asking');
  if (!request || status === 'declined') return null;

  const signIn = async () => {
    setStatus('sending');
    try {
      postToCli(request, await issueCliToken({ discoveryApi, fetchApi }));
    } catch (error) {
      setStatus({ failed: errorMessage(error) });
    }
  };

  return (
    <Box marginBottom={2}>
      <Alert
        severity={typeof status === 'object' ? 'error' : 'info'}
        action={
          <>
            <Button
              color="primary"
              variant="contained"
              size="small"
              disabled={status === 'sending'}
              onClick={signIn}
            >
              Sign in kubectl-kubeplatform
            </Button>
            <Button size="small" onClick={() => setStatus('declined')}>
              Cancel
            </Button>
          </>
        }
      >
        {typeof status === 'object'
          ? `Could not sign in kubectl-kubeplatform: ${status.failed}`
          : `kubectl-kubeplatform on this computer (port ${request.port}) asks to connect to your environments as you. Continue only if you just ran kubectl-kubeplatform login.`}
      </Alert>
    </Box>
  );
};
