import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Table, TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { Environment } from '@kubeplatform/clusters-common';
import { ConnectCommand } from '../common/ConnectCommand';
import { EnvironmentActions } from '../common/EnvironmentActions';
import { EnvironmentStatusChip } from '../common/EnvironmentStatusChip';
import { ExpiryCountdown } from '../common/ExpiryCountdown';

export const EnvironmentsTable = ({
  environments,
  onChanged,
  title,
}: {
  environments: Environment[];
  onChanged: (ref: string, environment: Environment | undefined) => void;
  title: string;
}) => {
  const columns: TableColumn<Environment>[] = [
    {
      title: 'Name',
      field: 'name',
      highlight: true,
      render: e => (
        <>
          <Typography variant="body2">{e.name}</Typography>
          <Typography variant="caption" color="textSecondary">
            namespace {e.namespace}
          </Typography>
        </>
      ),
    },
    {
      title: 'Status',
      field: 'status',
      render: e => (
        <EnvironmentStatusChip status={e.status} message={e.message} />
      ),
    },
    { title: 'Class', field: 'class' },
    { title: 'Cluster', field: 'cluster' },
    {
      title: 'Owner',
      field: 'owner',
      render: e => <EntityRefLink entityRef={e.owner} defaultKind="user" />,
    },
    {
      title: 'Expiry',
      field: 'expiresAt',
      cellStyle: { whiteSpace: 'nowrap' },
      render: e => <ExpiryCountdown expiresAt={e.expiresAt} />,
    },
    {
      title: 'Connect',
      sorting: false,
      render: e => <ConnectCommand environment={e} />,
    },
    {
      title: 'Actions',
      sorting: false,
      cellStyle: { whiteSpace: 'nowrap' },
      render: e => (
        <EnvironmentActions
          environment={e}
          onChanged={next => onChanged(e.ref, next)}
        />
      ),
    },
  ];
  return (
    <Table<Environment>
      title={title}
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={columns}
      data={environments}
      emptyContent={
        <Typography variant="body2" style={{ padding: 16 }}>
          No environments yet. Use "New environment" to request one.
        </Typography>
      }
    />
  );
};
