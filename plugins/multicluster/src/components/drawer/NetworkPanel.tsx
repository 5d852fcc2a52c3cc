import Link from '@material-ui/core/Link';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  IngressSummary,
  ServiceSummary,
  WorkloadNetwork,
} from '@kubeplatform/clusters-common';
import { healthLabel } from '../../view/clusterStatus';
import { StatusBadge } from '../common/StatusBadge';
import { ColumnsTable } from '../common/ColumnsTable';

function portsText(service: ServiceSummary): string {
  return service.ports
    .map(
      p =>
        `${p.name ? `${p.name} ` : ''}${p.port}${
          p.targetPort ? `→${p.targetPort}` : ''
        }${p.nodePort ? ` (node ${p.nodePort})` : ''}/${p.protocol}`,
    )
    .join(', ');
}

function endpointsText(service: ServiceSummary): string {
  if (!service.endpoints) return 'no selector';
  return `${service.endpoints.ready}/${service.endpoints.total} ready`;
}

/** Only http(s) links reach an href, whatever the response holds. */
function safeUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\//.test(url) ? url : undefined;
}

function ServicesTable(props: { services: ServiceSummary[] }) {
  return (
    <ColumnsTable
      label="Services"
      testId="services-table"
      columns={['Service', 'Type', 'Ports', 'Endpoints', 'Health']}
    >
      {props.services.map(s => (
        <TableRow key={`${s.namespace}/${s.name}`} data-testid="service-row">
          <TableCell>{s.name}</TableCell>
          <TableCell>
            {s.type}
            {s.clusterIP === 'None' ? ' (headless)' : ''}
          </TableCell>
          <TableCell>{portsText(s)}</TableCell>
          <TableCell data-testid="service-endpoints">
            {endpointsText(s)}
          </TableCell>
          <TableCell>
            <StatusBadge
              status={{
                ...healthLabel(s.health),
                ...(s.problems[0] && { detail: s.problems[0].message }),
              }}
            />
          </TableCell>
        </TableRow>
      ))}
    </ColumnsTable>
  );
}

function IngressesTable(props: { ingresses: IngressSummary[] }) {
  return (
    <ColumnsTable
      label="Ingresses"
      testId="ingresses-table"
      columns={['Ingress', 'Host', 'TLS', 'Backend']}
    >
      {props.ingresses.flatMap(ingress =>
        ingress.rules.map((rule, i) => {
          const url = safeUrl(rule.url);
          const where = `${rule.host ?? '*'}${rule.path ?? ''}`;
          const secret = rule.tls
            ? ingress.tls.find(t => t.hosts.includes(rule.host ?? ''))
                ?.secretName
            : undefined;
          return (
            <TableRow
              key={`${ingress.namespace}/${ingress.name}/${i}`}
              data-testid="ingress-row"
            >
              <TableCell>
                {ingress.name}
                {ingress.ingressClassName
                  ? ` (${ingress.ingressClassName})`
                  : ''}
              </TableCell>
              <TableCell>
                {url ? (
                  <Link href={url} target="_blank" rel="noopener noreferrer">
                    {where}
                  </Link>
                ) : (
                  where
                )}
              </TableCell>
              <TableCell>
                {rule.tls ? `Yes${secret ? ` (${secret})` : ''}` : 'No'}
              </TableCell>
              <TableCell>
                {rule.backend
                  ? `${rule.backend.service}${
                      rule.backend.port ? `:${rule.backend.port}` : ''
                    }`
                  : '—'}
              </TableCell>
            </TableRow>
          );
        }),
      )}
    </ColumnsTable>
  );
}

/** The Services in front of the workload's pods, and the Ingresses in front of them. */
export function NetworkPanel(props: { network?: WorkloadNetwork }) {
  const services = props.network?.services ?? [];
  const ingresses = props.network?.ingresses ?? [];
  if (!services.length && !ingresses.length) {
    return (
      <Typography variant="body2" color="textSecondary" data-testid="network">
        No Service of this entity selects these pods.
      </Typography>
    );
  }
  return (
    <div data-testid="network">
      {services.length > 0 && <ServicesTable services={services} />}
      {ingresses.length > 0 && <IngressesTable ingresses={ingresses} />}
    </div>
  );
}
