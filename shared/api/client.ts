/**
 * A typed fetch client for the companion's API: the Bearer token on every call, answers checked against the
 * shared zod contract, and a busy store (503 + Retry-After) or a dropped connection retried with backoff, so a
 * batch the extension sends is either stored or its caller gets an error, never lost in silence. Retrying a POST
 * is safe: the companion's writes are upserts by post id, so a batch stored twice counts as "seen" the second time.
 */
import type { z } from "zod";
import { fastParseJson } from "../json/fast-parse-json.ts";

export interface ApiClientOptions {
  /** e.g. http://127.0.0.1:17717 */
  baseUrl: string;
  /** The pairing token, or a function reading the current one (it can change after pairing). */
  token: string | null | (() => string | null);
  fetch?: typeof fetch;
  /** Retries after a network error (default 5): few, so "not running" is said quickly. */
  retries?: number;
  /**
   * How long in all to keep waiting out a busy store (503), default 2 minutes: a CLI import can hold the write
   * lock that long, and giving up earlier would lose what the extension sent.
   */
  busyPatienceMs?: number;
  /** Told before each wait for a busy store, so a UI can say "the companion is busy, retrying". */
  onBusy?: (waitMs: number) => void;
  /** Upper bound for one wait, whatever Retry-After asks (default 10 s). */
  maxWaitMs?: number;
  /** First backoff step for network errors and 503s without Retry-After (default 250 ms, doubled each time). */
  backoffMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** The companion answered with an error status; `status` and its `{error}` message are kept. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Nothing answered at the base URL, also after the retries. */
export class ApiUnreachableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ApiUnreachableError";
  }
}

export interface RequestOptions<T> {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  /** Serialised with JSON.stringify. */
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  /** Validates the answer; omit for answers without a body (204). */
  schema?: z.ZodType<T>;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

const defaultSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

/** Retry-After in seconds or as an HTTP date; undefined when absent or unreadable. */
export const retryAfterMs = (header: string | null, now = Date.now()): number | undefined => {
  if (header === null || header.trim() === "") return undefined;
  if (/^\d+$/u.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
};

const errorMessage = (status: number, text: string): string => {
  try {
    const body = JSON.parse(text) as { error?: unknown };
    if (typeof body.error === "string") return body.error;
  } catch {
    // Not JSON (a proxy's page, an empty body): the status says enough.
  }
  return `The companion answered ${status}`;
};

export const createApiClient = (options: ApiClientOptions) => {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const retries = options.retries ?? 5;
  const busyPatienceMs = options.busyPatienceMs ?? 120_000;
  const maxWaitMs = options.maxWaitMs ?? 10_000;
  const backoffMs = options.backoffMs ?? 250;
  const sleep = options.sleep ?? defaultSleep;
  const token = (): string | null => (typeof options.token === "function" ? options.token() : options.token);

  const url = (path: string, query: RequestOptions<unknown>["query"]): URL => {
    const result = new URL(path, options.baseUrl);
    for (const [key, value] of Object.entries(query ?? {}))
      if (value !== undefined) result.searchParams.set(key, String(value));
    return result;
  };

  /** The answer to a request once it is neither busy (503, waited out) nor unreachable (retried); ok or not. */
  async function send(path: string, init: RequestOptions<unknown>): Promise<Response> {
    const headers = new Headers(init.headers);
    const current = token();
    if (current !== null) headers.set("Authorization", `Bearer ${current}`);
    const body = init.body === undefined ? undefined : JSON.stringify(init.body);
    if (body !== undefined) headers.set("Content-Type", "application/json");
    const target = url(path, init.query);
    let networkFailures = 0;
    let busyWaited = 0;
    for (let attempt = 0; ; attempt++) {
      const backoff = Math.min(backoffMs * 2 ** attempt, maxWaitMs);
      let response: Response;
      try {
        response = await fetchImpl(target, {
          method: init.method ?? "GET",
          headers,
          body,
          signal: init.signal,
        });
      } catch (error) {
        if (init.signal?.aborted) throw error;
        if (networkFailures++ >= retries)
          throw new ApiUnreachableError(`The companion does not answer at ${options.baseUrl}`, {
            cause: error,
          });
        await sleep(backoff, init.signal);
        continue;
      }
      const busyWait = Math.min(retryAfterMs(response.headers.get("Retry-After")) ?? backoff, maxWaitMs);
      if (response.status === 503 && busyWaited + busyWait <= busyPatienceMs) {
        // Drain the body so the connection can be reused while waiting.
        await response.text().catch(() => "");
        busyWaited += busyWait;
        options.onBusy?.(busyWait);
        await sleep(busyWait, init.signal);
        continue;
      }
      return response;
    }
  }

  /** A streamed answer (ok), its body for the caller to read; errors as `request` reports them. */
  async function stream(path: string, init: Omit<RequestOptions<unknown>, "schema"> = {}): Promise<Response> {
    const response = await send(path, init);
    if (!response.ok)
      throw new ApiError(response.status, errorMessage(response.status, await response.text()));
    return response;
  }

  async function request<T>(path: string, init: RequestOptions<T> = {}): Promise<T> {
    const response = await stream(path, init);
    const text = await response.text();
    if (init.schema === undefined) return undefined as T;
    let value: unknown;
    try {
      // Exact for ids beyond 2^53 like parseJson, at JSON.parse's speed when there are none: a sync page of
      // 500 posts took parseJson ~490 ms, this ~58 ms (1.3 MB, load average 15).
      value = fastParseJson(text);
    } catch {
      throw new ApiError(response.status, `The companion's answer to ${path} is not JSON`);
    }
    const checked = init.schema.safeParse(value);
    if (!checked.success)
      throw new ApiError(
        response.status,
        `The companion's answer to ${path} does not match the contract: ${checked.error.issues[0]?.message ?? "invalid"}`,
      );
    return checked.data;
  }

  return {
    request,
    stream,
    get: <T>(path: string, schema: z.ZodType<T>, query?: RequestOptions<T>["query"]) =>
      request(path, { schema, query }),
    post: <T>(path: string, body: unknown, schema?: z.ZodType<T>) =>
      request(path, { method: "POST", body, schema }),
    put: <T>(path: string, body: unknown, schema?: z.ZodType<T>) =>
      request(path, { method: "PUT", body, schema }),
    delete: (path: string) => request<undefined>(path, { method: "DELETE" }),
  };
};

export type ApiClient = ReturnType<typeof createApiClient>;
