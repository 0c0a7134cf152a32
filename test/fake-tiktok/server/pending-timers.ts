/** Delays that close() can cancel, so a slow fault never keeps a closed fake's process alive. */
export class PendingTimers {
  private readonly timers = new Set<NodeJS.Timeout>();

  after(ms: number, action: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      action();
    }, ms);
    this.timers.add(timer);
  }

  clear(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
