import type { z } from "zod";
import { API_ROUTES, apiPath, HealthResponse } from "../../../shared/api/contract.ts";
import { FollowsResponse } from "../../../shared/api/follows.ts";
import { Job, type JobInput, JobsResponse, jobPath } from "../../../shared/api/jobs.ts";
import { SyncPage } from "../../../shared/api/sync.ts";
import type { ConnectionSettings } from "./connection-settings.ts";

/** Nothing answers at the companion's address: it is not started (or listens elsewhere). */
export class CompanionUnreachableError extends Error {}
/** The companion answers but refuses our token (none stored yet, or `start --new-token` replaced it). */
export class NotPairedError extends Error {}

const RETRIES = 3;
const MAX_RETRY_WAIT_MS = 5_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Seconds (or an HTTP date) from Retry-After, capped so a popup never waits long. */
const retryAfterMs = (header: string | null): number => {
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header ?? "") - Date.now();
  return Math.min(Math.max(Number.isFinite(ms) ? ms : 1000, 100), MAX_RETRY_WAIT_MS);
};

/**
 * The companion's API as the extension uses it: the Bearer token on every call, a busy store (503 + Retry-After)
 * waited out a few times, every answer checked against the shared contract.
 */
export const companionApi = (settings: ConnectionSettings, fetchImpl: typeof fetch = fetch) => {
  const send = async (path: string, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (settings.token !== null) headers.set("Authorization", `Bearer ${settings.token}`);
    if (init.body !== undefined) headers.set("Content-Type", "application/json");
    for (let attempt = 0; ; attempt += 1) {
      let response: Response;
      try {
        response = await fetchImpl(new URL(path, settings.baseUrl), { ...init, headers });
      } catch (error) {
        if ((error as Error).name === "AbortError") throw error;
        throw new CompanionUnreachableError(`the companion does not answer at ${settings.baseUrl}`);
      }
      if (response.status === 503 && attempt < RETRIES) {
        await sleep(retryAfterMs(response.headers.get("Retry-After")));
        continue;
      }
      if (response.status === 401) throw new NotPairedError("the companion refused this browser's token");
      if (!response.ok) {
        const text = await response.text();
        let message = text;
        try {
          message = (JSON.parse(text) as { error?: string }).error ?? text;
        } catch {}
        throw new Error(`the companion answered ${response.status}: ${message}`);
      }
      return response;
    }
  };
  const json = async <S extends z.ZodType>(
    schema: S,
    path: string,
    init?: RequestInit,
  ): Promise<z.infer<S>> => schema.parse(await (await send(path, init)).json());

  return {
    health: () => json(HealthResponse, API_ROUTES.health),
    follows: () => json(FollowsResponse, API_ROUTES.follows),
    follow: (hashtag: string) =>
      send(apiPath(API_ROUTES.follow, hashtag), { method: "PUT", body: JSON.stringify({}) }).then(
        () => undefined,
      ),
    syncPage: (cursor: string | null, limit = 1000) =>
      json(
        SyncPage,
        `${API_ROUTES.sync}?${new URLSearchParams({ cursor: cursor ?? "0", limit: String(limit) })}`,
      ),
    jobs: () => json(JobsResponse, API_ROUTES.jobs),
    createJob: (input: JobInput) =>
      json(Job, API_ROUTES.jobs, { method: "POST", body: JSON.stringify(input) }),
    cancelJob: (id: number) =>
      send(jobPath(API_ROUTES.jobCancel, id), { method: "POST" }).then(() => undefined),
    /** The job event stream, raw; read it with readJobEvents. */
    jobEvents: (lastEventId: string | null, signal: AbortSignal) =>
      send(API_ROUTES.jobsEvents, {
        signal,
        headers: {
          Accept: "text/event-stream",
          ...(lastEventId === null ? {} : { "Last-Event-ID": lastEventId }),
        },
      }),
  };
};

export type CompanionApi = ReturnType<typeof companionApi>;
