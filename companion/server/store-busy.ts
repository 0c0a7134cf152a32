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
