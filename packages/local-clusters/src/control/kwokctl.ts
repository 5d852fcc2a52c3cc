import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { clusterWorkdir, StatePaths } from '../paths';
import { Binaries } from './binaries';
import { processesMentioning, terminate } from './processes';

/** Everything kwokctl needs to create one cluster with our binaries. */
export interface CreateClusterOptions {
  name: string;
  port: number;
  configFiles: string[];
  auditPolicyFile: string;
  /** Lifts client rate limits in the control plane; used by scale mode. */
  disableQpsLimits: boolean;
  /** Extra kube-apiserver flags, without the leading `--` (e.g. `authentication-config`). */
  kubeApiserverArgs?: Record<string, string>;
}

/** Runs kwokctl against our own working directory, so nothing lands in ~/.kwok or ~/.kube. */
export class Kwokctl {
  constructor(
    private readonly binaries: Binaries,
    private readonly paths: StatePaths,
    private readonly signal?: AbortSignal,
  ) {}

  async createCluster(options: CreateClusterOptions): Promise<void> {
    const b = this.binaries;
    await this.run(options.name, [
      'create',
      'cluster',
      `--name=${options.name}`,
      '--runtime=binary',
      `--kube-apiserver-port=${options.port}`,
      `--kube-apiserver-binary=${b.kubeApiserver}`,
      `--kube-controller-manager-binary=${b.kubeControllerManager}`,
      `--kube-scheduler-binary=${b.kubeScheduler}`,
      `--kwok-controller-binary=${b.kwok}`,
      `--etcd-binary=${b.etcd}`,
      // metrics-server scrapes kwok's emulated kubelet /metrics/resource of every node (the
      // Metric and ClusterResourceUsage in our kwok config) and serves metrics.k8s.io through
      // the APIService kwokctl registers, so HPAs and `kubectl top` see usage.
      '--enable=metrics-server',
      `--metrics-server-binary=${b.metricsServer}`,
      '--kube-authorization=true',
      '--kube-admission=true',
      `--kube-audit-policy=${options.auditPolicyFile}`,
      `--disable-qps-limits=${options.disableQpsLimits}`,
      ...Object.entries(options.kubeApiserverArgs ?? {}).map(
        ([key, value]) => `--extra-args=kube-apiserver=${key}=${value}`,
      ),
      ...options.configFiles.map(file => `--config=${file}`),
      '--kubeconfig=',
      '--quiet-pull',
      '--timeout=5m',
    ]);
  }

  async startCluster(name: string): Promise<void> {
    await this.run(name, [
      'start',
      'cluster',
      `--name=${name}`,
      '--timeout=3m',
    ]);
  }

  /**
   * Deletes a cluster and waits until its processes are gone: a terminating apiserver keeps
   * its port for seconds, and the next cluster must be able to take it.
   */
  async deleteCluster(name: string): Promise<void> {
    // kwokctl delete insists on a kubeconfig to remove its context from; give it a throwaway
    // one of ours so it never touches ~/.kube/config.
    const scratch = path.join(
      this.paths.kwokWorkdir,
      'kwokctl-contexts.kubeconfig',
    );
    await this.run(name, [
      'delete',
      'cluster',
      `--name=${name}`,
      `--kubeconfig=${scratch}`,
    ]);
    await terminate(
      processesMentioning(clusterWorkdir(this.paths, name) + path.sep),
      15_000,
    );
  }

  /** Names of clusters that have a kwokctl working directory, running or not. */
  existingClusters(): string[] {
    const dir = path.join(this.paths.kwokWorkdir, 'clusters');
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir)
      .filter(name => fs.existsSync(path.join(dir, name, 'kwok.yaml')));
  }

  clusterExists(name: string): boolean {
    return fs.existsSync(
      path.join(clusterWorkdir(this.paths, name), 'kwok.yaml'),
    );
  }

  private run(cluster: string, args: string[]): Promise<void> {
    fs.mkdirSync(this.paths.logsDir, { recursive: true });
    const logFile = path.join(this.paths.logsDir, `kwokctl-${cluster}.log`);
    fs.appendFileSync(logFile, `\n$ kwokctl ${args.join(' ')}\n`);
    return new Promise((resolve, reject) => {
      const log = fs.openSync(logFile, 'a');
      let settled = false;
      // An aborted child emits both 'error' and 'close'; settle and close the log only once.
      const settle = (error?: Error) => {
        if (settled) return;
        settled = true;
        fs.closeSync(log);
        if (error) reject(error);
        else resolve();
      };
      const child = spawn(this.binaries.kwokctl, args, {
        stdio: ['ignore', log, log],
        signal: this.signal,
        env: {
          ...process.env,
          KWOK_WORKDIR: this.paths.kwokWorkdir,
          KUBECONFIG: '',
        },
      });
      child.on('error', error => settle(error));
      child.on('close', code => {
        if (code === 0) {
          settle();
          return;
        }
        const tail = fs
          .readFileSync(logFile, 'utf8')
          .split('\n')
          .slice(-15)
          .join('\n');
        settle(
          new Error(
            `kwokctl ${args
              .slice(0, 2)
              .join(
                ' ',
              )} for ${cluster} failed (exit ${code}); log ${logFile}:\n${tail}`,
          ),
        );
      });
    });
  }
}
