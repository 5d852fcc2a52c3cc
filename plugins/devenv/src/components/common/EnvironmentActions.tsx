import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import type {
  Environment,
  EnvironmentPatch,
} from '@kubeplatform/clusters-common';
import { useState } from 'react';
import { devenvApiRef } from '../../api';
import { errorMessage } from './errorMessage';

/** How much longer "Extend" keeps an environment; the class's maximum still applies. */
export const EXTEND_BY = '8h';

/**
 * Extend, sleep or wake, and delete (after a confirmation). Calls `onChanged` with the
 * environment as the API returns it, or with undefined once it is deleted.
 */
export const EnvironmentActions = ({
  environment,
  onChanged,
}: {
  environment: Environment;
  onChanged: (environment: Environment | undefined) => void;
}) => {
  const api = useApi(devenvApiRef);
  const alertApi = useApi(alertApiRef);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const label = `${environment.name} on ${environment.cluster}`;

  const run = async (
    what: string,
    call: () => Promise<Environment | undefined>,
  ) => {
    setBusy(true);
    try {
      const result = await call();
      alertApi.post({
        message: `${label}: ${what}`,
        severity: 'success',
        display: 'transient',
      });
      onChanged(result);
    } catch (error) {
      alertApi.post({
        message: `Could not change ${label} (${what}): ${errorMessage(error)}`,
        severity: 'error',
      });
    } finally {
      setBusy(false);
    }
  };

  const patch = (body: EnvironmentPatch, what: string) =>
    run(what, () =>
      api.updateEnvironment(environment.cluster, environment.name, body),
    );

  const asleep = environment.status === 'sleeping';
  const gone = environment.status === 'deleting';
  return (
    <>
      <ButtonGroup
        size="small"
        variant="outlined"
        disabled={busy || gone}
        style={{ whiteSpace: 'nowrap' }}
      >
        <Button
          aria-label={`Extend ${label} by ${EXTEND_BY}`}
          onClick={() =>
            patch({ action: 'extend', ttl: EXTEND_BY }, 'extended')
          }
        >
          Extend {EXTEND_BY}
        </Button>
        {asleep ? (
          <Button
            aria-label={`Wake ${label}`}
            onClick={() => patch({ action: 'wake' }, 'woken up')}
          >
            Wake
          </Button>
        ) : (
          <Button
            aria-label={`Sleep ${label}`}
            onClick={() => patch({ action: 'sleep' }, 'put to sleep')}
          >
            Sleep
          </Button>
        )}
        <Button
          aria-label={`Delete ${label}`}
          color="secondary"
          onClick={() => setConfirmDelete(true)}
        >
          Delete
        </Button>
      </ButtonGroup>
      <Dialog open={confirmDelete} onClose={() => setConfirmDelete(false)}>
        <DialogTitle>Delete {environment.name}?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            This removes namespace {environment.namespace} on{' '}
            {environment.cluster} and everything running in it. It cannot be
            undone.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirmDelete(false)}>Cancel</Button>
          <Button
            color="secondary"
            variant="contained"
            onClick={() => {
              setConfirmDelete(false);
              run('deleted', async () => {
                await api.deleteEnvironment(
                  environment.cluster,
                  environment.name,
                );
                return undefined;
              });
            }}
          >
            Delete for good
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
