import net from 'node:net';

/**
 * A TCP forwarder in front of a real API server, to cut or freeze one cluster's network path in
 * integration tests without stopping the shared cluster: `kill()` closes the port and resets
 * every connection (like a dead apiserver), `hang()` accepts connections and never answers,
 * `freeze()` also silences the open ones, `restore()` forwards again on the same port.
 */
export class TcpProxy {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private mode: 'forward' | 'hang' = 'forward';
  private readonly pairs = new Set<[net.Socket, net.Socket]>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  /** A started proxy in front of the API server at `server` (an https URL). */
  static inFrontOf(server: string): Promise<TcpProxy> {
    const { hostname, port } = new URL(server);
    return new TcpProxy({ host: hostname, port: Number(port) }).start();
  }

  get url() {
    return `https://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    const server = net.createServer(client => {
      this.sockets.add(client);
      client.on('close', () => this.sockets.delete(client));
      client.on('error', () => {});
      if (this.mode === 'hang') return;
      const upstream = net.connect(this.target.port, this.target.host);
      this.sockets.add(upstream);
      upstream.on('close', () => {
        this.sockets.delete(upstream);
        client.destroy();
      });
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
      const pair: [net.Socket, net.Socket] = [client, upstream];
      this.pairs.add(pair);
      client.on('close', () => this.pairs.delete(pair));
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
    return this;
  }

  async kill() {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.resetAndDestroy();
    this.sockets.clear();
    await new Promise<void>(resolve =>
      server ? server.close(() => resolve()) : resolve(),
    );
  }

  hang() {
    this.mode = 'hang';
    for (const s of this.sockets) s.resetAndDestroy();
    this.sockets.clear();
  }

  /** Open connections stay open but carry nothing more; new ones hang: a frozen apiserver. */
  freeze() {
    this.mode = 'hang';
    for (const [client, upstream] of this.pairs) {
      client.unpipe(upstream);
      upstream.unpipe(client);
      client.pause();
      upstream.pause();
    }
  }

  async restore() {
    this.mode = 'forward';
    if (!this.server) await this.start();
  }
}
