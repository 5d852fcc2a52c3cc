/** The services of the demo catalog, where they run, and the namespaces the fleet uses. */
export const DEMO_NAMESPACES = ['shop', 'discovery'] as const;

export interface DemoService {
  name: string;
  namespace: (typeof DEMO_NAMESPACES)[number];
  port: number;
}

export const DEMO_SERVICES: DemoService[] = [
  { name: 'checkout', namespace: 'shop', port: 8080 },
  { name: 'payments', namespace: 'shop', port: 8080 },
  { name: 'catalog-api', namespace: 'shop', port: 8080 },
  { name: 'search', namespace: 'discovery', port: 9200 },
  { name: 'notifications', namespace: 'discovery', port: 8080 },
];

/** The label Backstage's Kubernetes plugin and Kubeplatform use to find a service's objects. */
export const KUBERNETES_ID_LABEL = 'backstage.io/kubernetes-id';
