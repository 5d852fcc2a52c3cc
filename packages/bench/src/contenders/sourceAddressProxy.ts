import net from 'node:net';
import { BenchConfig } from './types';

/**
 * Puts a TCP relay in front of every configured cluster whose connections to the API server
 * leave from `sourceAddress` (a loopback address of its own), so the apiservers' audit logs tell
 * this backend's requests apart from every other client of the shared local fleet. TLS passes
 * through untouched; the relay runs in the backend's own process, so its cost is charged to it.
 * Returns the config with cluster URLs pointing at the relays.
 */
export async function relayClustersFrom(
  config: BenchConfig,
  sourceAddress: string,
): Promise<BenchConfig> {
  const methods = config.kubernetes?.clusterLocatorMethods ?? [];
  const relayed = await Promise.all(
    methods.map(async method => ({
      ...method,
      ...(method.clusters && {
        clusters: await Promise.all(
          method.clusters.map(async cluster => ({
            ...cluster,
            url: await startRelay(cluster.url, sourceAddress),
          })),
        ),
      }),
    })),
  );
  return {
    ...config,
    kubernetes: { ...config.kubernetes, clusterLocatorMethods: relayed },
  };
}

async function startRelay(url: string, sourceAddress: string) {
  const target = new URL(url);
  const port = Number(target.port || (target.protocol === 'https:' ? 443 : 80));
  const server = net.createServer(client => {
    const upstream = net.connect({
      host: target.hostname,
      port,
      localAddress: sourceAddress,
    });
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  server.unref();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port: relayPort } = server.address() as net.AddressInfo;
  return `${target.protocol}//127.0.0.1:${relayPort}${target.pathname.replace(
    /\/$/,
    '',
  )}`;
}
