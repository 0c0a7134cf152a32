import { ApiError, ApiUnreachableError, createApiClient } from "../../../shared/api/client.ts";
import {
  API_ROUTES,
  apiPath,
  HealthResponse,
  type PostItemsRequest,
  PostItemsResponse,
} from "../../../shared/api/contract.ts";
import { Follow, FollowsResponse } from "../../../shared/api/follows.ts";
import { Job, type JobInput, JobsResponse, jobPath } from "../../../shared/api/jobs.ts";
import { MAX_SYNC_PAGE, type SyncPage } from "../../../shared/api/sync.ts";
import { checkStreamPage, readSyncStream, SyncStreamError } from "../../../shared/api/sync-stream.ts";
import type { ConnectionSettings } from "./connection-settings.ts";

/** Nothing answers at the companion's address: it is not started (or listens elsewhere). */
export class CompanionUnreachableError extends Error {}
/** The companion answers but refuses our token (none stored yet, or `start --new-token` replaced it). */
export class NotPairedError extends Error {}

/**
 * The companion is on this machine: a couple of quick retries after a network error say "not running" in about a
 * second. A busy store (503) is waited out with the client's own patience, so nothing the extension sends is lost.
 */
const RETRIES = 2;

/** A streamed sync page with its cursor checked; `read` checks its posts (throwing when they do not hold). */
export interface SyncStreamPageFetch {
  nextCursor: string;
  hasMore: boolean;
  read: () => { page: SyncPage; postTexts: string[] };
}

/** Turns the client's errors into the two the popup explains, and keeps the companion's own words otherwise. */
const explained = async <T>(call: Promise<T>): Promise<T> => {
  try {
    return await call;
  } catch (error) {
    if (error instanceof ApiUnreachableError) throw new CompanionUnreachableError(error.message);
    if (error instanceof ApiError && error.status === 401)
      throw new NotPairedError("the companion refused this browser's token");
    throw error;
  }
};

/**
 * The companion's API as the extension uses it, over shared/api/client.ts (Bearer token, busy-store retry,
 * answers checked against the contract).
 */
export const companionApi = (settings: ConnectionSettings, fetchImpl?: typeof fetch) => {
  const client = createApiClient({ ...settings, fetch: fetchImpl, retries: RETRIES });
  return {
    health: () => explained(client.get(API_ROUTES.health, HealthResponse)),
    follows: () => explained(client.get(API_ROUTES.follows, FollowsResponse)),
    follow: (hashtag: string) => explained(client.put(apiPath(API_ROUTES.follow, hashtag), {}, Follow)),
    /**
     * The change feed from `cursor` as one stream of pages (shared/api/sync-stream.ts), each yielded once whole
     * with its cursor checked and its posts checked when read: the mirror asks for the next page before checking
     * this one, since checking 10k posts takes the background ~0.1 s a page. Aborting `signal` stops the download.
     */
    syncStream: async function* (
      cursor: string | null,
      signal?: AbortSignal,
    ): AsyncGenerator<SyncStreamPageFetch> {
      const response = await explained(
        client.stream(API_ROUTES.syncStream, {
          query: { cursor: cursor ?? "0", limit: MAX_SYNC_PAGE },
          signal,
        }),
      );
      if (response.body === null) throw new SyncStreamError("The companion's sync stream has no body");
      for await (const streamed of readSyncStream(response.body))
        yield {
          nextCursor: streamed.head.nextCursor,
          hasMore: streamed.head.hasMore,
          read: () => checkStreamPage(streamed),
        };
    },
    jobs: () => explained(client.get(API_ROUTES.jobs, JobsResponse)),
    createJob: (input: JobInput) => explained(client.post(API_ROUTES.jobs, input, Job)),
    cancelJob: (id: number) => explained(client.post(jobPath(API_ROUTES.jobCancel, id), {}, Job)),
    /** Raw items for a hashtag (passive capture); the companion parses and upserts them by post id. */
    postItems: (batch: PostItemsRequest) =>
      explained(client.post(API_ROUTES.postItems, batch, PostItemsResponse)),
    /**
     * The job event stream, raw (read it with readJobEvents). Not through the client: it answers a stream, and
     * EventSource cannot send the Authorization header.
     */
    jobEvents: async (lastEventId: string | null, signal: AbortSignal): Promise<Response> => {
      const headers: Record<string, string> = { Accept: "text/event-stream" };
      if (settings.token !== null) headers.Authorization = `Bearer ${settings.token}`;
      if (lastEventId !== null) headers["Last-Event-ID"] = lastEventId;
      let response: Response;
      try {
        response = await (fetchImpl ?? fetch)(new URL(API_ROUTES.jobsEvents, settings.baseUrl), {
          headers,
          signal,
        });
      } catch (error) {
        if (signal.aborted) throw error;
        throw new CompanionUnreachableError(`The companion does not answer at ${settings.baseUrl}`);
      }
      if (response.status === 401) throw new NotPairedError("the companion refused this browser's token");
      if (!response.ok) throw new Error(`The companion answered ${response.status} to the job events`);
      return response;
    },
  };
};

export type CompanionApi = ReturnType<typeof companionApi>;
