import { KubernetesConnection } from '../connection/KubernetesConnection';
import { KubernetesRequestError } from '../connection/KubernetesRequestError';

export interface HealthProbeOptions {
  /** 0 disables the probe. */
  intervalMs: number;
  requestTimeoutMs: number;
  /** The cluster stopped answering (timeout or unreachable). */
  onDown(error: KubernetesRequestError): void;
}

/**
 * GET /version at an interval. An open watch on a cluster that stopped answering would otherwise
 * only be noticed by the idle watchdog.
 */
export class HealthProbe {
  private timer?: NodeJS.Timeout;
  private probing = false;

  constructor(
    private readonly connection: KubernetesConnection,
    private readonly options: HealthProbeOptions,
  ) {}

  start(): void {
    if (this.options.intervalMs <= 0) return;
    this.timer = setInterval(() => this.probe(), this.options.intervalMs);
    this.timer.unref?.();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async probe(): Promise<void> {
    if (this.probing) return;
    this.probing = true;
    try {
      await this.connection.getJson('/version', {
        timeoutMs: this.options.requestTimeoutMs,
      });
    } catch (error) {
      if (
        error instanceof KubernetesRequestError &&
        (error.kind === 'timeout' || error.kind === 'unreachable')
      ) {
        this.options.onDown(error);
      }
    } finally {
      this.probing = false;
    }
  }
}
