/** What a local cluster is, before it runs: its name, labels and fixed default port. */
export interface LocalClusterSpec {
  name: string;
  title: string;
  region: string;
  environment: string;
  /** The kube-apiserver port on 127.0.0.1 tried first. */
  defaultPort: number;
  /** Availability zones the fake nodes are spread over. */
  zones: string[];
}

/** The first port of the fixed range; cluster i listens on BASE_PORT + i by default. */
export const BASE_PORT = 16443;

const catalogue: Omit<LocalClusterSpec, 'defaultPort'>[] = [
  {
    name: 'dev-eu',
    title: 'Dev EU',
    region: 'eu-west-1',
    environment: 'development',
    zones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
  },
  {
    name: 'prod-us',
    title: 'Prod US',
    region: 'us-east-1',
    environment: 'production',
    zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
  },
  {
    name: 'staging-ap',
    title: 'Staging AP',
    region: 'ap-southeast-1',
    environment: 'staging',
    zones: ['ap-southeast-1a', 'ap-southeast-1b'],
  },
  {
    name: 'prod-eu',
    title: 'Prod EU',
    region: 'eu-central-1',
    environment: 'production',
    zones: ['eu-central-1a', 'eu-central-1b', 'eu-central-1c'],
  },
  {
    name: 'dev-us',
    title: 'Dev US',
    region: 'us-west-2',
    environment: 'development',
    zones: ['us-west-2a', 'us-west-2b'],
  },
];

/** The specs of the first `count` clusters: dev-eu and prod-us always come first. */
export function clusterSpecs(count: number): LocalClusterSpec[] {
  if (!Number.isInteger(count) || count < 1) {
    throw new Error(
      `--clusters must be a whole number of at least 1, got ${count}`,
    );
  }
  const specs: LocalClusterSpec[] = [];
  for (let i = 0; i < count; i++) {
    const known = catalogue[i];
    const base = known ?? {
      name: `extra-${i + 1}`,
      title: `Extra ${i + 1}`,
      region: 'us-east-2',
      environment: 'development',
      zones: ['us-east-2a', 'us-east-2b'],
    };
    specs.push({ ...base, defaultPort: BASE_PORT + i });
  }
  return specs;
}
