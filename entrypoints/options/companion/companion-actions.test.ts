import { describe, expect, it } from "vitest";
import { companionActions, fetchMedia } from "./companion-actions.ts";

interface Call {
  method: string;
  url: string;
  auth: string | null;
  body: unknown;
}

const fakeCompanion = (answer: (call: Call) => Response) => {
  const calls: Call[] = [];
  const fetchImpl = (async (input: URL | RequestInfo, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    const call = {
      method: init?.method ?? "GET",
      url: String(input),
      auth: headers.get("Authorization"),
      body: init?.body === undefined ? undefined : JSON.parse(String(init.body)),
    };
    calls.push(call);
    return answer(call);
  }) as typeof fetch;
  return { calls, fetchImpl };
};

const follow = (hashtag: string, every: string | null) =>
  Response.json({
    hashtag,
    every,
    posts: true,
    videos: false,
    limit: 1000,
    createdAt: "2025-01-01T00:00:00.000Z",
    nextRunAt: null,
    lastRun: null,
  });

const connection = { baseUrl: "http://127.0.0.1:17717", token: "secret" };

describe("companionActions", () => {
  it("follows, reschedules and unfollows with the token, then asks for a sync", async () => {
    const { calls, fetchImpl } = fakeCompanion((call) =>
      call.method === "DELETE"
        ? new Response(null, { status: 204 })
        : follow("東京", (call.body as { every: string }).every),
    );
    let syncs = 0;
    const actions = companionActions(connection, async () => void syncs++, fetchImpl);
    await actions.follow("東京", "6h");
    await actions.setSchedule("東京", "  ");
    await actions.setSchedule("東京", "every 1d");
    await actions.unfollow("東京");
    const url = `http://127.0.0.1:17717/api/follows/${encodeURIComponent("東京")}`;
    expect(calls.map((call) => [call.method, call.url, call.auth])).toEqual([
      ["PUT", url, "Bearer secret"],
      ["PUT", url, "Bearer secret"],
      ["PUT", url, "Bearer secret"],
      ["DELETE", url, "Bearer secret"],
    ]);
    expect(calls.map((call) => call.body)).toEqual([
      { every: "6h" },
      { every: null },
      { every: "1d" },
      undefined,
    ]);
    expect(syncs).toBe(4);
  });

  it("refuses a schedule the companion would refuse, without asking it", async () => {
    const { calls, fetchImpl } = fakeCompanion(() => follow("travel", null));
    const actions = companionActions(connection, async () => {}, fetchImpl);
    await expect(actions.follow("travel", "every now and then")).rejects.toThrow(/Schedule: cannot read/);
    await expect(actions.follow("travel", "10s")).rejects.toThrow(/too often/);
    expect(calls).toEqual([]);
  });

  it("says in plain words that the companion is not running, and passes on its own errors", async () => {
    const down = companionActions(connection, async () => {}, (async () => {
      throw new TypeError("Failed to fetch");
    }) as typeof fetch);
    await expect(down.unfollow("travel")).rejects.toThrow(/not running: start it with/);
    const { fetchImpl } = fakeCompanion(() =>
      Response.json({ error: "travel is not followed" }, { status: 404 }),
    );
    await expect(companionActions(connection, async () => {}, fetchImpl).unfollow("travel")).rejects.toThrow(
      /travel is not followed/,
    );
  });
});

describe("fetchMedia", () => {
  it("fetches the video with the token in the header, never in the URL", async () => {
    const { calls, fetchImpl } = fakeCompanion(
      () => new Response(new Uint8Array([1, 2, 3]), { headers: { "Content-Type": "video/mp4" } }),
    );
    const blob = await fetchMedia(connection, "7300000000000000001", fetchImpl);
    expect(blob.size).toBe(3);
    expect(calls[0]).toMatchObject({
      url: "http://127.0.0.1:17717/api/posts/7300000000000000001/media",
      auth: "Bearer secret",
    });
  });

  it("explains a missing video", async () => {
    const { fetchImpl } = fakeCompanion(() => Response.json({ error: "no media" }, { status: 404 }));
    await expect(fetchMedia(connection, "1", fetchImpl)).rejects.toThrow(
      "The companion has no downloaded video for post 1",
    );
  });
});
