export type Taken<T> = { kind: "value"; value: T } | { kind: "timeout" } | { kind: "closed" };

/**
 * Turns pushed events (page responses, tiktok-scraper's 'data' events) into awaited ones, so a collector can
 * be written as one readable async loop. Values pushed before close are still delivered.
 */
export class EventQueue<T> {
  private readonly values: T[] = [];
  private readonly waiters: ((taken: Taken<T>) => void)[] = [];
  private closed = false;
  private failure: { error: unknown } | null = null;

  push(value: T): void {
    if (this.closed) return;
    const waiter = this.waiters.shift();
    if (waiter) waiter({ kind: "value", value });
    else this.values.push(value);
  }

  /** No more values; with an error, `take` throws it once the queued values are drained. */
  close(error?: unknown): void {
    if (this.closed) return;
    this.closed = true;
    if (error !== undefined) this.failure = { error };
    for (const waiter of this.waiters.splice(0)) waiter({ kind: "closed" });
  }

  get size(): number {
    return this.values.length;
  }

  async take(timeoutMs = Number.POSITIVE_INFINITY): Promise<Taken<T>> {
    const taken = await this.takeRaw(timeoutMs);
    if (taken.kind === "closed" && this.failure) throw this.failure.error;
    return taken;
  }

  private takeRaw(timeoutMs: number): Promise<Taken<T>> {
    if (this.values.length > 0) return Promise.resolve({ kind: "value", value: this.values.shift() as T });
    if (this.closed) return Promise.resolve({ kind: "closed" });
    return new Promise((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const waiter = (taken: Taken<T>) => {
        clearTimeout(timer);
        resolve(taken);
      };
      this.waiters.push(waiter);
      if (Number.isFinite(timeoutMs))
        timer = setTimeout(() => {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          resolve({ kind: "timeout" });
        }, timeoutMs);
    });
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (;;) {
      const taken = await this.take();
      if (taken.kind !== "value") return;
      yield taken.value;
    }
  }
}
