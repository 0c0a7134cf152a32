import { describe, expect, it } from "vitest";
import { companionEngagement } from "./engagement-source.ts";

const connection = { baseUrl: "http://127.0.0.1:17717", token: "secret" };

const answering = (body: unknown, seen: Request[] = []): typeof fetch =>
  (async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push(new Request(input, init));
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { "Content-Type": "application/json" },
    });
  }) as typeof fetch;

describe("companionEngagement", () => {
  it("asks the growth route with the token and the query, and reads a missing comparison as null", async () => {
    const seen: Request[] = [];
    const source = companionEngagement(
      connection,
      answering({ hashtag: "café", metric: "likes", from: null, to: null, posts: [] }, seen),
    );
    await expect(
      source.growth("café", {
        metric: "likes",
        limit: 5,
        from: "2025-06-01T00:00:00.000Z",
        to: "2025-06-02T23:59:59.000Z",
      }),
    ).resolves.toBeNull();
    const url = new URL(seen[0]?.url ?? "");
    expect(url.pathname).toBe("/api/hashtags/caf%C3%A9/engagement");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      metric: "likes",
      limit: "5",
      from: "2025-06-01T00:00:00.000Z",
      to: "2025-06-02T23:59:59.000Z",
    });
    expect(seen[0]?.headers.get("Authorization")).toBe("Bearer secret");
  });

  it("returns a post's history as the contract describes it, and refuses an answer that is not", async () => {
    const points = [{ seenAt: "2025-06-01T09:00:00.000Z", plays: 1, likes: null, shares: 0, comments: 0 }];
    const seen: Request[] = [];
    await expect(
      companionEngagement(connection, answering({ postId: "72", points }, seen)).history("72"),
    ).resolves.toEqual({ postId: "72", points });
    expect(new URL(seen[0]?.url ?? "").pathname).toBe("/api/posts/72/engagement");
    await expect(companionEngagement(connection, answering({ postId: "72" })).history("72")).rejects.toThrow(
      /does not match the contract/,
    );
  });

  it("says in plain words that the companion is not running", async () => {
    const down = (async () => {
      throw new TypeError("fetch failed");
    }) as typeof fetch;
    await expect(companionEngagement(connection, down).history("72")).rejects.toThrow(
      "The companion is not running: start it with `npx tiktok-hashtag-analysis start`",
    );
  });
});
