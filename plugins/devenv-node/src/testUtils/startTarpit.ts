import net from 'node:net';
import type { ExtraTestCluster } from './fleetClusters';
import { tokenKubeConfig } from './tokenKubeConfig';

/**
 * A cluster named `tarpit` that accepts connections and never answers.
 *
 * @public
 */
export interface Tarpit extends ExtraTestCluster {
  close(): void;
}

/**
 * Starts a TCP server on 127.0.0.1 that accepts connections and never answers, posing as a
 * cluster; `close()` drops every connection.
 *
 * @public
 */
export async function startTarpit(): Promise<Tarpit> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer(socket => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const url = `https://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  return {
    details: { name: 'tarpit', title: 'tarpit', url, source: 'kubeconfig' },
    kubeConfig: () =>
      tokenKubeConfig(
        { name: 'tarpit', server: url, skipTLSVerify: true },
        't',
      ),
    close: () => {
      sockets.forEach(s => s.destroy());
      server.close();
    },
  };
}
