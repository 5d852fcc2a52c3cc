import fs from 'node:fs';
import path from 'node:path';

/**
 * Demo container logs, served by kwok through a ClusterLogs rule so that `kubectl logs` and the
 * suite's log viewer read something real. kwok reads CRI-format files:
 * "<RFC3339 time> <stream> F <line>".
 */
const linesByContainer: Record<string, string[]> = {
  checkout: [
    'INFO  starting checkout service version=%IMAGE%',
    'INFO  connected to payments at http://payments.shop.svc:8080',
    'INFO  GET /healthz 200 1ms',
    'INFO  POST /api/orders 201 48ms order=ord_8f2c',
    'WARN  payments slow answer latency_ms=812',
    'INFO  POST /api/orders 201 52ms order=ord_8f2d',
  ],
  payments: [
    'INFO  payments gateway listening on :8080',
    'INFO  POST /charges 200 120ms',
    'INFO  POST /charges 200 98ms',
    'WARN  retrying card network call attempt=2',
  ],
  'catalog-api': [
    'INFO  catalog-api listening on :8080',
    'INFO  GET /products?page=1 200 12ms',
    'INFO  cache warm items=12840',
  ],
  search: [
    'INFO  search node ready shards=3',
    'INFO  GET /search?q=shoes 200 22ms hits=131',
    'INFO  GET /search?q=socks 200 19ms hits=58',
  ],
  notifications: [
    'INFO  notifications worker started queue=events',
    'INFO  sent email template=order-confirmation',
    'INFO  sent push template=shipping-update',
  ],
};

const previousCrash = [
  'INFO  starting checkout service',
  'ERROR failed to load config: missing env PAYMENTS_URL',
  'panic: config invalid',
  '',
  'goroutine 1 [running]:',
  'main.main()',
  '\t/app/cmd/checkout/main.go:42 +0x1d4',
];

function criLines(lines: string[], start: Date): string {
  return lines
    .map((line, i) => {
      const at = new Date(start.getTime() + i * 1500).toISOString();
      const stream =
        line.startsWith('ERROR') || line.startsWith('panic')
          ? 'stderr'
          : 'stdout';
      return `${at} ${stream} F ${line}\n`;
    })
    .join('');
}

/** Writes the log files into `dir` and returns the ClusterLogs document that serves them. */
export function writeDemoLogs(dir: string): Record<string, unknown> {
  fs.mkdirSync(dir, { recursive: true });
  const start = new Date(Date.now() - 10 * 60_000);
  const previousFile = path.join(dir, 'previous-crash.log');
  fs.writeFileSync(previousFile, criLines(previousCrash, start));
  const logs = Object.entries(linesByContainer).map(([container, lines]) => {
    const file = path.join(dir, `${container}.log`);
    fs.writeFileSync(
      file,
      criLines(
        lines.map(l => l.replace('%IMAGE%', container)),
        start,
      ),
    );
    return {
      containers: [container],
      logsFile: file,
      previousLogsFile: previousFile,
      follow: false,
    };
  });
  const generic = path.join(dir, 'generic.log');
  fs.writeFileSync(generic, criLines(['INFO  started', 'INFO  ready'], start));
  logs.push({
    containers: [],
    logsFile: generic,
    previousLogsFile: previousFile,
    follow: false,
  });
  return {
    apiVersion: 'kwok.x-k8s.io/v1alpha1',
    kind: 'ClusterLogs',
    metadata: { name: 'kubeplatform-demo-logs' },
    spec: { logs },
  };
}
