import { MessageChannel, type MessagePort } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { makePost } from "../../../companion/store/testing/make-post.ts";
import { type DashboardPost, DEFAULT_SORT } from "../analysis/analyse-hashtag.ts";
import { createAnalyser, memoryLoader } from "../analysis/analyser.ts";
import { NO_FILTER } from "../selection/selection.ts";
import { analyserClient, type MessageEndpoint, serveAnalyser } from "./analyser-protocol.ts";

const slim = (id: string, hashtags: string[]): DashboardPost => {
  const { raw: _raw, ...post } = makePost({ id, hashtags });
  return post;
};

// Node's MessagePort hands listeners the message as `data` on an event, as a browser's does.
const endpoint = (port: MessagePort): MessageEndpoint => port as unknown as MessageEndpoint;

const ports: MessagePort[] = [];
const connect = (load: (hashtag: string) => Promise<DashboardPost[]>) => {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  serveAnalyser(endpoint(port2), createAnalyser(memoryLoader(load)));
  return analyserClient(endpoint(port1));
};
afterEach(() => {
  for (const port of ports.splice(0)) port.close();
});

const request = (n: number) => ({
  selection: { hashtag: "travel", range: {}, filter: NO_FILTER },
  n,
  sort: DEFAULT_SORT,
});

describe("the counting worker's protocol", () => {
  it("answers across a message port, reading the posts once per hashtag and version", async () => {
    const loads: string[] = [];
    const analyser = connect(async (hashtag) => {
      loads.push(hashtag);
      return [slim("1", ["travel", "food"]), slim("2", ["travel"])];
    });
    const [first, second] = await Promise.all([
      analyser.count(request(2), "v1"),
      analyser.count(request(5), "v1"),
    ]);
    expect(first.table.rows.map((row) => row.hashtag)).toEqual(["travel", "food"]);
    expect(second.table.totalPosts).toBe(2);
    expect(loads).toEqual(["travel"]);
    const csv = await analyser.exportSelection(request(1).selection, "csv", "", "v2");
    expect(csv.split("\r\n")).toHaveLength(4);
    expect(loads).toEqual(["travel", "travel"]);
  });

  it("draws the co-hashtag network and counts the trends from the same read of the posts", async () => {
    const loads: string[] = [];
    const analyser = connect(async (hashtag) => {
      loads.push(hashtag);
      return [
        slim("1", ["travel", "food", "beach"]),
        slim("2", ["travel", "food"]),
        slim("3", ["travel", "beach"]),
      ];
    });
    const network = await analyser.network({ hashtag: "travel", range: {}, top: 3, minWeight: 2 }, "v1");
    expect(network.nodes).toEqual([
      { hashtag: "travel", posts: 3 },
      { hashtag: "beach", posts: 2 },
      { hashtag: "food", posts: 2 },
    ]);
    expect(network.edges).toEqual([
      { source: "beach", target: "travel", weight: 2 },
      { source: "food", target: "travel", weight: 2 },
    ]);
    expect(Object.keys(network.positions).sort()).toEqual(["beach", "food", "travel"]);
    const trends = await analyser.trends({ hashtag: "travel", range: {}, period: "week", top: 5 }, "v1");
    expect(trends.totalPosts).toBe(3);
    expect(trends.tags.map((tag) => [tag.hashtag, tag.total])).toEqual([
      ["beach", 2],
      ["food", 2],
    ]);
    expect(loads).toEqual(["travel"]);
  });

  it("passes an error back as a rejection and reads again on the next call", async () => {
    let fail = true;
    const analyser = connect(async () => {
      if (fail) throw new Error("IndexedDB is not available");
      return [];
    });
    await expect(analyser.count(request(3), "v1")).rejects.toThrow("IndexedDB is not available");
    fail = false;
    await expect(analyser.list(request(3), "v1")).resolves.toEqual([]);
    await expect(analyser.count(request(3), "v1")).resolves.toMatchObject({ table: { totalPosts: 0 } });
  });
});
