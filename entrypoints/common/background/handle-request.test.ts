import "fake-indexeddb/auto";
import Dexie from "dexie";
import { afterEach, describe, expect, it } from "vitest";
import type { Job } from "../../../shared/api/jobs.ts";
import { type CompanionApi, CompanionUnreachableError, NotPairedError } from "../companion/companion-api.ts";
import { openMirrorDb } from "../mirror/mirror-db.ts";
import { type BackgroundServices, handleRequest } from "./handle-request.ts";
import { createJobRelay } from "./job-relay.ts";

const queued = (hashtag: string, videos: boolean): Job => ({
  id: 1,
  hashtags: [hashtag],
  posts: true,
  videos,
  limit: 1000,
  since: null,
  source: "browser",
  origin: "api",
  state: "queued",
  progress: [],
  error: null,
  createdAt: "2026-01-01T00:00:00Z",
  startedAt: null,
  finishedAt: null,
});

const fail = (error: Error) => async () => {
  throw error;
};

const dbs: Dexie[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

/** Services over a fake companion: `api` overrides what it answers; `created` records the jobs posted. */
const services = (api: Partial<CompanionApi>, token: string | null = "t") => {
  const created: unknown[] = [];
  const fake = {
    health: async () => ({ ok: true, name: "tiktok-hashtag-analysis", version: "0", posts: 0 }),
    follows: async () => ({ follows: [] }),
    createJob: async (input: { hashtags: string[]; videos?: boolean }) => {
      created.push(input);
      return queued(input.hashtags[0] ?? "", input.videos ?? false);
    },
    jobs: fail(new CompanionUnreachableError("down")),
    ...api,
  } as unknown as CompanionApi;
  const db = openMirrorDb(`requests-${Math.random()}`);
  dbs.push(db);
  const access = {
    readSettings: async () => ({ baseUrl: "http://127.0.0.1:1", token }),
    makeApi: () => fake,
  };
  const relay = createJobRelay(access, { onChange: () => undefined, onFinished: () => undefined });
  let paused = false;
  const result: BackgroundServices = {
    ...access,
    db,
    relay,
    sync: async () => ({ changes: 0, cursor: null }),
    capture: {
      status: async (tabId) => ({ paused, tabNew: tabId === null ? 0 : 3, tabKnown: 1, queued: 2 }),
      setPaused: async (value) => {
        paused = value;
      },
    },
  };
  return { services: result, created, relay };
};

describe("handleRequest", () => {
  it("names the companion's state: running and paired, not paired, not running", async () => {
    expect(await handleRequest(services({}).services, { type: "status" })).toMatchObject({
      state: "running-paired",
    });
    expect(await handleRequest(services({}, null).services, { type: "status" })).toMatchObject({
      state: "not-paired",
    });
    const refused = services({ follows: fail(new NotPairedError("401")) }).services;
    expect(await handleRequest(refused, { type: "status" })).toMatchObject({ state: "not-paired" });
    const down = services({ health: fail(new CompanionUnreachableError("down")) }).services;
    expect(await handleRequest(down, { type: "status" })).toMatchObject({ state: "not-running" });
  });

  it("queues a typed hashtag normalised, refuses a bad one with the shared rule's words", async () => {
    const { services: s, created, relay } = services({});
    expect(await handleRequest(s, { type: "collect", hashtag: "#Travel", videos: true })).toEqual({
      ok: true,
      message: "Queued #travel with its videos",
    });
    expect(created).toEqual([{ hashtags: ["travel"], posts: true, videos: true }]);
    expect(relay.views()).toMatchObject([{ id: 1, hashtag: "#travel", status: "queued" }]);
    relay.stop();
    const bad = await handleRequest(s, { type: "collect", hashtag: "two words", videos: false });
    expect(bad).toEqual({ ok: false, error: expect.stringContaining("whitespace") });
    expect(created).toHaveLength(1);
  });

  it("answers the popup's capture status and pauses capture", async () => {
    const { services: s } = services({});
    expect(await handleRequest(s, { type: "capture-status", tabId: 7 })).toEqual({
      paused: false,
      tabNew: 3,
      tabKnown: 1,
      queued: 2,
    });
    expect(await handleRequest(s, { type: "set-capture-paused", paused: true })).toEqual({
      ok: true,
      message: "Capture paused",
    });
    expect(await handleRequest(s, { type: "capture-status", tabId: null })).toMatchObject({ paused: true });
  });

  it("tells how to start the companion when it is not running", async () => {
    const down = services({ createJob: fail(new CompanionUnreachableError("down")) }).services;
    expect(await handleRequest(down, { type: "collect", hashtag: "travel", videos: false })).toEqual({
      ok: false,
      error: expect.stringContaining("npx tiktok-hashtag-analysis start"),
    });
  });
});
