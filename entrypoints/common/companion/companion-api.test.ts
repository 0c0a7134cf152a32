import { describe, expect, it } from "vitest";
import { makePost } from "../../../companion/store/testing/make-post.ts";
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

  it("streams sync pages, each with its cursor at once and its posts checked when read", async () => {
    const head = { links: [], videos: [], runs: [], nextCursor: "7", hasMore: true, posts: 1 };
    const { raw: _raw, ...post } = makePost({ id: "5" });
    const line = JSON.stringify(post);
    const { fetchImpl, requests } = scripted([
      () =>
        new Response(
          `${JSON.stringify(head)}\n${line}\n${JSON.stringify({ ...head, posts: 1 })}\n{"id":3}\n`,
        ),
      () => Response.json({ error: "bad token" }, { status: 401 }),
    ]);
    const api = companionApi(settings, fetchImpl);
    const pages = api.syncStream(null);
    const first = await pages.next();
    expect(first.done).toBe(false);
    if (first.done) return;
    expect([first.value.nextCursor, first.value.hasMore]).toEqual(["7", true]);
    expect(first.value.read()).toEqual({ page: { ...head, posts: [post] }, postTexts: [line] });
    const url = new URL(requests[0]?.url ?? "");
    expect([url.pathname, url.searchParams.get("cursor"), requests[0]?.headers.get("Authorization")]).toEqual(
      ["/api/sync/stream", "0", "Bearer secret"],
    );
    const second = await pages.next();
    if (second.done) throw new Error("the second page is missing");
    expect(() => second.value.read()).toThrow("posts do not match the contract");
    expect((await pages.next()).done).toBe(true);
    await expect(api.syncStream("7").next()).rejects.toBeInstanceOf(NotPairedError);
  });
});
