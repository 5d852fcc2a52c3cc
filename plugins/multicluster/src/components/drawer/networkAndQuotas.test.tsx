import { render, screen, within } from '@testing-library/react';
import {
  checkoutNetwork,
  shopQuotas,
} from '../../__fixtures__/networkAndQuotas';
import { NetworkPanel } from './NetworkPanel';
import { QuotaPanel } from './QuotaPanel';

describe('NetworkPanel', () => {
  it('shows each Service with type, ports, ready endpoints and health', () => {
    render(<NetworkPanel network={checkoutNetwork} />);
    const row = screen.getByTestId('service-row');
    expect(row).toHaveTextContent('checkout');
    expect(row).toHaveTextContent('ClusterIP');
    expect(row).toHaveTextContent('http 80→8080/TCP');
    expect(within(row).getByTestId('service-endpoints')).toHaveTextContent(
      '0/3 ready',
    );
    expect(
      within(row).getByLabelText(
        /^Error: Service checkout has no ready endpoints/,
      ),
    ).toBeInTheDocument();
  });

  it('shows Ingress hosts as links, TLS with its secret, and the backend Service', () => {
    render(<NetworkPanel network={checkoutNetwork} />);
    const [secure, hostile] = screen.getAllByTestId('ingress-row');
    const link = within(secure).getByRole('link', {
      name: 'checkout.example.com/api',
    });
    expect(link).toHaveAttribute('href', 'https://checkout.example.com/api');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(secure).toHaveTextContent('checkout (nginx)');
    expect(secure).toHaveTextContent('Yes (checkout-tls)');
    expect(secure).toHaveTextContent('checkout:80');
    // A URL that is not http(s) never becomes a link.
    expect(within(hostile).queryByRole('link')).not.toBeInTheDocument();
    expect(hostile).toHaveTextContent('evil.example.com');
    expect(hostile).toHaveTextContent('No');
  });

  it('says so when no Service selects the pods', () => {
    render(<NetworkPanel network={{ services: [], ingresses: [] }} />);
    expect(screen.getByTestId('network')).toHaveTextContent(
      'No Service of this entity selects these pods.',
    );
  });
});

describe('QuotaPanel', () => {
  it('shows each resource against its limit, marking the full one', () => {
    render(<QuotaPanel quotas={shopQuotas} />);
    const quota = screen.getByRole('table', {
      name: 'ResourceQuota shop-quota',
    });
    expect(
      within(quota).getByLabelText(/^Warning: ResourceQuota shop-quota/),
    ).toBeInTheDocument();
    const [pods, cpu] = within(quota).getAllByTestId('quota-resource');
    expect(pods).toHaveTextContent('10 / 10 — at limit');
    expect(pods).toHaveAttribute('data-at-limit', 'true');
    expect(within(pods).getByLabelText('pods 100% used')).toBeInTheDocument();
    expect(cpu).toHaveTextContent('500m / 2');
    expect(cpu).toHaveAttribute('data-at-limit', 'false');
    expect(
      within(cpu).getByLabelText('requests.cpu 25% used'),
    ).toBeInTheDocument();
  });

  it('says so when no quota limits the namespace', () => {
    render(<QuotaPanel quotas={[]} />);
    expect(screen.getByTestId('quotas')).toHaveTextContent(
      'No ResourceQuota limits this namespace.',
    );
  });
});
