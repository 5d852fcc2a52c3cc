import {
  Content,
  ContentHeader,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
  SupportButton,
} from '@backstage/core-components';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import Alert from '@material-ui/lab/Alert';
import type { Environment } from '@kubeplatform/clusters-common';
import { useEffect, useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { devenvApiRef } from '../../api';
import { CliSignInPanel } from '../cli/CliSignInPanel';
import { EnvironmentsTable } from './EnvironmentsTable';
import { ownedBy } from './ownedBy';

/** Where "New environment" goes: the scaffolder template in templates/. */
export const NEW_ENVIRONMENT_PATH =
  '/create/templates/default/request-dev-environment';

/** The Environments page: mine and my teams' environments, with what can be done to them. */
export const EnvironmentsPage = () => {
  const api = useApi(devenvApiRef);
  const identityApi = useApi(identityApiRef);
  const [showAll, setShowAll] = useState(false);
  const state = useAsyncRetry(async () => {
    const [list, identity] = await Promise.all([
      api.listEnvironments(),
      identityApi.getBackstageIdentity(),
    ]);
    return { list, ownershipRefs: identity.ownershipEntityRefs };
  }, [api, identityApi]);

  // Local edits (extend, sleep, delete) replace rows until the next reload.
  const [items, setItems] = useState<Environment[]>([]);
  useEffect(() => setItems(state.value?.list.items ?? []), [state.value]);

  const shown = useMemo(
    () => (showAll ? items : ownedBy(items, state.value?.ownershipRefs ?? [])),
    [items, showAll, state.value],
  );

  const onChanged = (ref: string, next: Environment | undefined) =>
    setItems(current =>
      next
        ? current.map(e => (e.ref === ref ? next : e))
        : current.filter(e => e.ref !== ref),
    );

  return (
    <Page themeId="tool">
      <Header
        title="Environments"
        subtitle="Isolated places on the platform's clusters to run and try your services"
      />
      <Content>
        <CliSignInPanel />
        <ContentHeader title="">
          <FormControlLabel
            control={
              <Switch
                checked={showAll}
                onChange={(_e, checked) => setShowAll(checked)}
                color="primary"
              />
            }
            label="Show everyone's"
          />
          <Button
            variant="contained"
            color="primary"
            component={RouterLink}
            to={NEW_ENVIRONMENT_PATH}
          >
            New environment
          </Button>
          <SupportButton>
            Environments expire; extend them before they do. Sleeping scales
            every workload to zero and keeps the rest.
          </SupportButton>
        </ContentHeader>
        {state.loading && !state.value && <Progress />}
        {state.error && <ResponseErrorPanel error={state.error} />}
        {state.value?.list.errors.map(e => (
          <Alert key={e.cluster} severity="warning" style={{ marginBottom: 8 }}>
            Cluster {e.cluster} could not be read: {e.message}. Its environments
            are missing from this list.
          </Alert>
        ))}
        {state.value && (
          <EnvironmentsTable
            title={showAll ? 'All environments' : 'Mine and my teams'}
            environments={shown}
            onChanged={onChanged}
          />
        )}
      </Content>
    </Page>
  );
};
