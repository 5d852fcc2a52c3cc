import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ReplicaSetup } from './replicaSetup';
import { waitFor } from './waitFor';

/**
 * How a start of a replica ended: ready; a plugin failed to start (Backstage logs it and the
 * process stays up, answering 503 to readiness); the process exited; or none of these in time.
 */
export type StartOutcome = 'ready' | 'plugin-failed' | 'exited' | 'not-ready';

const PLUGIN_FAILED = /threw an error during startup/;

/**
 * One production replica: the built bundle run with `node`, NODE_ENV=production and
 * app-config.production.yaml, on the shared PostgreSQL and the local fleet.
 */
export class Replica {
  private process?: ChildProcess;
  private exited?: Promise<void>;
  private starts = 0;
  logFile = '';

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly setup: ReplicaSetup,
    /** The static external-access token the test reads with (a service principal). */
    private readonly serviceToken: string,
  ) {}

  get url(): string {
    return `http://localhost:${this.port}`;
  }

  get running(): boolean {
    return (
      !!this.process &&
      this.process.exitCode === null &&
      !this.process.signalCode
    );
  }

  private writeConfig(databasePrefix?: string): string {
    const file = path.join(this.setup.workdir, `replica-${this.name}.yaml`);
    fs.writeFileSync(
      file,
      [
        'app:',
        `  baseUrl: ${this.url}`,
        'backend:',
        `  baseUrl: ${this.url}`,
        `  listen: ':${this.port}'`,
        ...(databasePrefix
          ? ['  database:', `    prefix: ${databasePrefix}`]
          : []),
        '  cors:',
        `    origin: ${this.url}`,
        '  auth:',
        '    externalAccess:',
        '      - type: static',
        '        options:',
        '          token: ${KUBEPLATFORM_REPLICA_TOKEN}',
        '          subject: replica-test',
        '',
      ].join('\n'),
    );
    return file;
  }

  /** Starts the replica; `databasePrefix` gives it a database set of its own. */
  start(options: { databasePrefix?: string } = {}): void {
    if (this.running) throw new Error(`replica ${this.name} already runs`);
    this.starts += 1;
    const logs = path.join(this.setup.workdir, 'logs');
    fs.mkdirSync(logs, { recursive: true });
    this.logFile = path.join(logs, `replica-${this.name}-${this.starts}.log`);
    const out = fs.openSync(this.logFile, 'w');
    const { postgres, repoRoot } = this.setup;
    const child = spawn(
      process.execPath,
      [
        path.join(this.setup.bundle, 'packages/backend'),
        ...['app-config.yaml', 'app-config.production.yaml'].flatMap(f => [
          '--config',
          path.join(repoRoot, f),
        ]),
        '--config',
        this.setup.clustersConfig,
        '--config',
        path.join(repoRoot, 'app-config.replicas.yaml'),
        '--config',
        this.writeConfig(options.databasePrefix),
      ],
      {
        // The production config's catalog locations are relative to the repository root.
        cwd: repoRoot,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          NODE_ENV: 'production',
          POSTGRES_HOST: postgres.host,
          POSTGRES_PORT: String(postgres.port),
          POSTGRES_USER: postgres.user,
          POSTGRES_PASSWORD: postgres.password,
          KUBEPLATFORM_REPLICA_TOKEN: this.serviceToken,
        },
        stdio: ['ignore', out, out],
      },
    );
    fs.closeSync(out);
    this.process = child;
    this.exited = new Promise(resolve => child.once('exit', () => resolve()));
  }

  private async answersReady(): Promise<boolean> {
    const response = await fetch(`${this.url}/.backstage/health/v1/readiness`, {
      signal: AbortSignal.timeout(2_000),
    }).catch(() => undefined);
    return response?.status === 200;
  }

  /** Waits until the replica is ready, its process exits, or the time is up. */
  async waitStarted(timeoutMs: number): Promise<StartOutcome> {
    return waitFor<StartOutcome>(
      `replica ${this.name} to become ready, fail or exit`,
      async () => {
        if (!this.running) return 'exited';
        if (await this.answersReady()) return 'ready';
        if (PLUGIN_FAILED.test(this.log())) return 'plugin-failed';
        return undefined;
      },
      { timeoutMs, intervalMs: 500 },
    ).catch(() => 'not-ready' as const);
  }

  async startAndWaitReady(timeoutMs = 180_000): Promise<void> {
    this.start();
    const outcome = await this.waitStarted(timeoutMs);
    if (outcome !== 'ready') {
      throw new Error(
        `replica ${this.name} did not become ready (${outcome}); its log: ${
          this.logFile
        }\n${this.logTail()}`,
      );
    }
  }

  /** SIGKILL: no shutdown hooks run, open requests are cut. */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.process!.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM, and SIGKILL when the backend has not stopped after 20 s. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.process!.kill('SIGTERM');
    const stopped = await Promise.race([
      this.exited!.then(() => true),
      new Promise<boolean>(r => setTimeout(() => r(false), 20_000)),
    ]);
    if (!stopped) await this.kill();
  }

  log(): string {
    return this.logFile ? fs.readFileSync(this.logFile, 'utf8') : '';
  }

  logTail(lines = 30): string {
    return this.log().split('\n').slice(-lines).join('\n');
  }
}
