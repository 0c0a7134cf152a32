import { describe, expect, it } from "vitest";
import { CompanionUnreachableError, companionApi, NotPairedError } from "./companion-api.ts";

const settings = { baseUrl: "http://127.0.0.1:17717", token: "secret" };
const follows = { follows: [] };

/** A fetch that answers from a list, recording each request. */
const scripted = (answers: Array<() => Response>) => {
  const requests: Request[] = [];
  const fetchImpl = (async (input: URL, init?: RequestInit) => {
    requests.push(new Request(input, init));
    const answer = answers.shift();
    if (answer === undefined) throw new Error("no more answers");
    return answer();
  }) as typeof fetch;
  return { fetchImpl, requests };
};

describe("companionApi", () => {
  it("sends the token as a Bearer header, never in the address", async () => {
    const { fetchImpl, requests } = scripted([() => Response.json(follows)]);
    expect(await companionApi(settings, fetchImpl).follows()).toEqual(follows);
    expect(requests[0]?.headers.get("Authorization")).toBe("Bearer secret");
    expect(requests[0]?.url).toBe("http://127.0.0.1:17717/api/follows");
  });

  it("waits out a busy store (503 + Retry-After) for longer than a few retries, then answers", async () => {
    const busy = () => new Response("{}", { status: 503, headers: { "Retry-After": "0" } });
    const { fetchImpl, requests } = scripted([
      busy,
      busy,
      busy,
      busy,
      busy,
      busy,
      () => Response.json(follows),
    ]);
    expect(await companionApi(settings, fetchImpl).follows()).toEqual(follows);
    expect(requests).toHaveLength(7);
  });

  it("names each failure: not running, not paired, a refusal with the companion's words", async () => {
    const down = scripted([
      () => {
        throw new TypeError("fetch failed");
      },
    ]);
    await expect(companionApi(settings, down.fetchImpl).follows()).rejects.toBeInstanceOf(
      CompanionUnreachableError,
    );
    const refused = scripted([() => Response.json({ error: "bad token" }, { status: 401 })]);
    await expect(companionApi(settings, refused.fetchImpl).follows()).rejects.toBeInstanceOf(NotPairedError);
    const bad = scripted([() => Response.json({ error: "hashtag too long" }, { status: 400 })]);
    await expect(
      companionApi(settings, bad.fetchImpl).createJob({ hashtags: ["x".repeat(300)] }),
    ).rejects.toThrow("hashtag too long");
  });

  it("rejects an answer that does not match the contract", async () => {
    const { fetchImpl } = scripted([() => Response.json({ follows: "nope" })]);
    await expect(companionApi(settings, fetchImpl).follows()).rejects.toThrow();
  });

  it("gives a sync page's cursor at once and checks the rest when it is read", async () => {
    const page = { posts: [], links: [{ hashtag: "travel", postId: "1" }], videos: [], runs: [] };
    const { fetchImpl, requests } = scripted([
      () => Response.json({ ...page, nextCursor: "7", hasMore: true }),
      () => Response.json({ ...page, links: [{ hashtag: 3 }], nextCursor: "9", hasMore: false }),
      () => Response.json({ ...page, nextCursor: 9, hasMore: false }),
    ]);
    const api = companionApi(settings, fetchImpl);
    const good = await api.syncPage(null);
    expect([good.nextCursor, good.hasMore]).toEqual(["7", true]);
    expect(good.read()).toEqual({ ...page, nextCursor: "7", hasMore: true });
    expect(new URL(requests[0]?.url ?? "").searchParams.get("cursor")).toBe("0");
    const bad = await api.syncPage("7");
    expect(bad.nextCursor).toBe("9");
    expect(() => bad.read()).toThrow("The companion's answer to /api/sync does not match the contract");
    // A cursor that is not one is refused before anything else.
    await expect(api.syncPage("9")).rejects.toThrow("does not match the contract");
  });
});
