import {
  ResourceQuotaSummary,
  WorkloadNetwork,
} from '@kubeplatform/clusters-common';

/** Network and quotas of checkout's Deployment, shaped as the backend's workload detail sends them. */
export const checkoutNetwork: WorkloadNetwork = {
  services: [
    {
      namespace: 'shop',
      name: 'checkout',
      type: 'ClusterIP',
      clusterIP: '10.0.0.12',
      ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: '8080' }],
      selector: { 'app.kubernetes.io/name': 'checkout' },
      endpoints: { ready: 0, total: 3 },
      health: 'error',
      problems: [
        {
          code: 'ServiceNoReadyEndpoints',
          severity: 'error',
          message:
            'Service checkout has no ready endpoints: 0 of 3 selected pods are ready, so requests to it fail.',
          suggestedFix:
            'kubectl -n shop describe pods -l app.kubernetes.io/name=checkout',
          object: { kind: 'Service', namespace: 'shop', name: 'checkout' },
          cluster: 'prod-us',
        },
      ],
    },
  ],
  ingresses: [
    {
      namespace: 'shop',
      name: 'checkout',
      ingressClassName: 'nginx',
      rules: [
        {
          host: 'checkout.example.com',
          path: '/api',
          url: 'https://checkout.example.com/api',
          tls: true,
          backend: { service: 'checkout', port: '80' },
        },
        {
          host: 'evil.example.com',
          url: 'file:///etc/passwd',
          tls: false,
          backend: { service: 'checkout', port: 'http' },
        },
      ],
      tls: [{ hosts: ['checkout.example.com'], secretName: 'checkout-tls' }],
      addresses: [],
    },
  ],
};

export const shopQuotas: ResourceQuotaSummary[] = [
  {
    namespace: 'shop',
    name: 'shop-quota',
    resources: [
      { resource: 'pods', used: '10', hard: '10', fraction: 1, atLimit: true },
      {
        resource: 'requests.cpu',
        used: '500m',
        hard: '2',
        fraction: 0.25,
        atLimit: false,
      },
    ],
    health: 'warning',
    problems: [
      {
        code: 'QuotaAtLimit',
        severity: 'warning',
        message:
          'ResourceQuota shop-quota in shop is at its limit for pods (10 of 10).',
        suggestedFix: 'kubectl -n shop describe resourcequota shop-quota',
        object: {
          kind: 'ResourceQuota',
          namespace: 'shop',
          name: 'shop-quota',
        },
      },
    ],
  },
];
