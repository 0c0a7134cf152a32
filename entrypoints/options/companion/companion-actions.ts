import { ApiUnreachableError, createApiClient } from "../../../shared/api/client.ts";
import { API_ROUTES, apiPath } from "../../../shared/api/contract.ts";
import { Follow, FollowInput } from "../../../shared/api/follows.ts";
import type { FollowActions } from "../views/home-view.tsx";

export interface CompanionConnection {
  baseUrl: string;
  token: string | null;
}

/** A quick answer on the same machine: two retries tell "not running" in about a second. */
const RETRIES = 2;

export const plainWords = async <T>(call: Promise<T>): Promise<T> => {
  try {
    return await call;
  } catch (error) {
    if (error instanceof ApiUnreachableError)
      throw new Error("The companion is not running: start it with `npx tiktok-hashtag-analysis start`");
    throw error;
  }
};

/**
 * "" follows without a schedule; anything else must read as the CLI's --every does (checked before sending),
 * with the "every " the page shows schedules with allowed in front.
 */
const followBody = (schedule: string) => {
  const text = schedule.trim().replace(/^every\s+/iu, "");
  const every = text === "" ? null : text;
  const parsed = FollowInput.safeParse({ every });
  if (!parsed.success) throw new Error(`Schedule: ${parsed.error.issues[0]?.message ?? "not a duration"}`);
  return { every };
};

/**
 * Follow, unfollow and reschedule through the companion (shared/api/client.ts: Bearer token, busy retry), then
 * `afterChange` (ask the background to mirror the change, so the page, which reads only the mirror, shows it).
 */
export const companionActions = (
  connection: CompanionConnection,
  afterChange: () => Promise<void>,
  fetchImpl?: typeof fetch,
): FollowActions => {
  const client = createApiClient({ ...connection, fetch: fetchImpl, retries: RETRIES });
  const put = async (hashtag: string, schedule: string) => {
    await plainWords(client.put(apiPath(API_ROUTES.follow, hashtag), followBody(schedule), Follow));
    await afterChange();
  };
  return {
    follow: put,
    setSchedule: put,
    unfollow: async (hashtag) => {
      await plainWords(client.delete(apiPath(API_ROUTES.follow, hashtag)));
      await afterChange();
    },
  };
};

/**
 * A downloaded video (or image) from the companion. Fetched rather than linked: the media route wants the token
 * in the Authorization header, which a link cannot send (and a token in a URL would end up in history).
 */
export const fetchMedia = async (
  connection: CompanionConnection,
  postId: string,
  fetchImpl: typeof fetch = fetch,
): Promise<Blob> => {
  const headers: Record<string, string> = {};
  if (connection.token !== null) headers.Authorization = `Bearer ${connection.token}`;
  const url = new URL(API_ROUTES.media.replace(":id", encodeURIComponent(postId)), connection.baseUrl);
  let response: Response;
  try {
    response = await fetchImpl(url, { headers });
  } catch {
    throw new Error("The companion is not running, so the video cannot be opened");
  }
  if (response.status === 404) throw new Error(`The companion has no downloaded video for post ${postId}`);
  if (!response.ok)
    throw new Error(`The companion answered ${response.status} for the video of post ${postId}`);
  return response.blob();
};
