import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { Environment } from '@kubeplatform/clusters-common';
import { useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { devenvApiRef } from '../../api';
import { ConnectCommand } from '../common/ConnectCommand';
import { EnvironmentActions } from '../common/EnvironmentActions';
import { EnvironmentStatusChip } from '../common/EnvironmentStatusChip';
import { ExpiryCountdown } from '../common/ExpiryCountdown';
import { environmentAddress } from './environmentAddress';

/** The live state of the environment a `dev-environment` Resource stands for. */
export const EnvironmentCard = () => {
  const { entity } = useEntity();
  const address = environmentAddress(entity);
  const api = useApi(devenvApiRef);
  const state = useAsync(
    async () =>
      address ? api.getEnvironment(address.cluster, address.name) : undefined,
    [api, address?.cluster, address?.name],
  );
  const [environment, setEnvironment] = useState<Environment | undefined>();
  const [deleted, setDeleted] = useState(false);
  useEffect(() => setEnvironment(state.value), [state.value]);

  let body;
  if (!address) {
    body = (
      <Typography variant="body2">
        This Resource does not say which environment it is (annotations
        kubeplatform.io/cluster and kubeplatform.io/environment).
      </Typography>
    );
  } else if (state.loading) {
    body = <Progress />;
  } else if (state.error) {
    body = <ResponseErrorPanel error={state.error} />;
  } else if (deleted) {
    body = (
      <Typography variant="body2">
        Deleted. The catalog entry goes away at its next refresh.
      </Typography>
    );
  } else if (environment) {
    body = (
      <>
        <StructuredMetadataTable
          metadata={{
            status: (
              <EnvironmentStatusChip
                status={environment.status}
                message={environment.message}
              />
            ),
            class: environment.class,
            cluster: environment.cluster,
            namespace: environment.namespace,
            size: environment.size ?? 'default',
            expiry: <ExpiryCountdown expiresAt={environment.expiresAt} />,
            connect: <ConnectCommand environment={environment} wrap />,
          }}
        />
        <Box mt={2}>
          <EnvironmentActions
            environment={environment}
            onChanged={next => (next ? setEnvironment(next) : setDeleted(true))}
          />
        </Box>
      </>
    );
  }
  return <InfoCard title="Development environment">{body}</InfoCard>;
};
