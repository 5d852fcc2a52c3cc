/**
 * The open terminals of each user, bounded: each is an exec stream to a cluster held for up to
 * `maxDuration`, so one user (or a script with one user's token) must not hold them by the
 * hundred. Counted per backend process, by user entity ref.
 */
export class ExecSessionCap {
  private readonly open = new Map<string, number>();

  constructor(readonly max: number) {}

  openFor(user: string): number {
    return this.open.get(user) ?? 0;
  }

  /**
   * Takes a slot for `user`: the function that gives it back (safe to call more than once), or
   * undefined when the user already holds `max`. Synchronous, so two upgrades cannot both take
   * the last slot.
   */
  tryAcquire(user: string): (() => void) | undefined {
    const count = this.openFor(user);
    if (count >= this.max) return undefined;
    this.open.set(user, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = this.openFor(user) - 1;
      if (left > 0) this.open.set(user, left);
      else this.open.delete(user);
    };
  }

  /** Why one more terminal is refused; short enough for a WebSocket close reason (123 bytes). */
  refusal(): string {
    return `you already have ${this.max} terminal${
      this.max === 1 ? '' : 's'
    } open, the most allowed; close one first`;
  }
}
