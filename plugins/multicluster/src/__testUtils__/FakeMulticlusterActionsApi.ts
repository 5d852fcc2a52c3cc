import {
  AllowedActions,
  MulticlusterActionsApi,
  PodAddress,
  WorkloadAddress,
} from '../api';

/** Records each action and answers with what the test configured. */
export class FakeMulticlusterActionsApi implements MulticlusterActionsApi {
  readonly restarts: WorkloadAddress[] = [];
  readonly scales: Array<{ address: WorkloadAddress; replicas: number }> = [];
  readonly deletes: PodAddress[] = [];
  /** Thrown by the next action instead of succeeding. */
  failWith?: Error;

  constructor(
    public allowed: AllowedActions = {
      restart: { allowed: true },
      scale: { allowed: true },
      deletePod: { allowed: true },
    },
  ) {}

  async getAllowedActions(): Promise<AllowedActions> {
    return this.allowed;
  }

  async restartWorkload(address: WorkloadAddress) {
    this.restarts.push(address);
    if (this.failWith) throw this.failWith;
    return { restartedAt: '2026-11-22T14:00:00.000Z' };
  }

  async scaleWorkload(address: WorkloadAddress, replicas: number) {
    this.scales.push({ address, replicas });
    if (this.failWith) throw this.failWith;
    return { replicas };
  }

  async deletePod(address: PodAddress) {
    this.deletes.push(address);
    if (this.failWith) throw this.failWith;
  }
}
