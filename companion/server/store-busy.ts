/** Seconds a client should wait before retrying a write that found the store busy. */
export const RETRY_AFTER_SECONDS = 1;

/**
 * Whether SQLite refused because another connection (a CLI import, a download) holds the lock. The server opens
 * the store without a busy wait, so this comes at once and becomes a 503 with Retry-After.
 */
export const isStoreBusy = (error: unknown): boolean => {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"));
};

/**
 * Runs a synchronous store write, and while another process holds the lock, tries again after `waitMs` without
 * blocking the event loop (the server's connection has no busy wait). For background work such as a collection
 * running inside `start`; HTTP handlers answer 503 instead.
 */
export const retryWhileBusy = async <T>(
  work: () => T,
  options: { waitMs?: number; timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<T> => {
  const waitMs = options.waitMs ?? 250;
  const deadline = Date.now() + (options.timeoutMs ?? 10 * 60_000);
  for (;;) {
    try {
      return work();
    } catch (error) {
      if (!isStoreBusy(error) || Date.now() + waitMs > deadline || options.signal?.aborted) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, waitMs));
  }
};
