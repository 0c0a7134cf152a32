import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Graph from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../companion/store/sqlite-store.ts";
import { coHashtagNetwork } from "../../shared/analysis/co-hashtag-network.ts";
import { hashtagTrends } from "../../shared/analysis/hashtag-trends.ts";
import { trendsCsv } from "../../shared/export/trends-csv.ts";
import type { Post } from "../../shared/post/post.ts";
import { runCli, seedFolder, tempFolders } from "./cli-harness.ts";

const temp = tempFolders();
let dataDir: string;
let folder: string;
let posts: Post[];
const cli = (...args: string[]) => runCli(["--data-dir", dataDir, ...args]);

beforeAll(async () => {
  folder = temp.make();
  dataDir = join(folder, "data");
  expect((await cli("import", seedFolder(temp))).code).toBe(0);
  const store = openSqliteStore(dataDir);
  posts = [...store.postsForHashtag("travel")];
  store.close();
});
afterAll(() => temp.cleanup());

describe("network", () => {
  it("writes GEXF that reads back as the network --json prints, and the CSV edge list", async () => {
    const gexf = join(folder, "travel.gexf");
    const [written, json, csv] = await Promise.all([
      cli("network", "#Travel", "--top", "6", "--out", gexf),
      cli("--json", "network", "travel", "--top", "6"),
      cli("network", "travel", "--top", "6", "--min-weight", "2", "--format", "csv"),
    ]);
    expect(written.code).toBe(0);
    expect(written.stderr).toMatch(/^Wrote the network of #travel \(6 hashtags, \d+ edges, 32 posts\) to /);
    const network = JSON.parse(json.stdout);
    expect(network).toEqual(coHashtagNetwork(posts, "travel", { top: 6 }));
    const graph = parseGexf(Graph, readFileSync(gexf, "utf8"));
    expect(graph.mapNodes((node, attributes) => [node, attributes.weight])).toEqual(
      network.nodes.map((node: { hashtag: string; posts: number }) => [node.hashtag, node.posts]),
    );
    expect(graph.size).toBe(network.edges.length);
    const heavy = network.edges.filter((edge: { weight: number }) => edge.weight >= 2);
    expect(csv.stdout).toBe(
      `source,target,weight\r\n${heavy.map((e: { source: string; target: string; weight: number }) => `${e.source},${e.target},${e.weight}\r\n`).join("")}`,
    );
  });

  it("writes GraphML, and refuses what it must with a clear message", async () => {
    const existing = join(folder, "existing.graphml");
    writeFileSync(existing, "keep me");
    const [graphml, refused, forced, badTop, empty] = await Promise.all([
      cli("network", "travel", "--format", "graphml"),
      cli("network", "travel", "--format", "graphml", "--out", existing),
      cli("--json", "network", "travel", "--format", "graphml", "--out", join(folder, "new.graphml")),
      cli("network", "travel", "--top", "0"),
      cli("network", "travel", "--since", "2030-01-01"),
    ]);
    expect(graphml.stdout).toContain('<graph id="travel" edgedefault="undirected">');
    expect(refused).toMatchObject({ code: 1 });
    expect(refused.stderr).toMatch(/already exists \(add --force to replace it\)/);
    expect(readFileSync(existing, "utf8")).toBe("keep me");
    expect(JSON.parse(forced.stdout)).toMatchObject({
      hashtag: "travel",
      format: "graphml",
      nodes: coHashtagNetwork(posts, "travel").nodes.length,
    });
    expect(badTop.stderr).toMatch(/--top must be a whole number of at least 1, got "0"/);
    expect(empty.stderr).toMatch(/No posts for #travel since 2030-01-01/);
  });
});

describe("trends", () => {
  it("prints the weekly table with rising and falling co-hashtags, --json and --csv", async () => {
    const csvFile = join(folder, "trends.csv");
    const [table, json, csv, badWeek] = await Promise.all([
      cli("trends", "travel", "--period", "week", "--top", "3"),
      cli("--json", "trends", "travel", "--period", "week", "--top", "3"),
      cli("trends", "travel", "--period", "week", "--top", "3", "--csv", "--out", csvFile),
      cli("trends", "travel", "--period", "week", "--before", "2020-09-15", "--after", "2020-09-21"),
    ]);
    const trends = JSON.parse(json.stdout);
    expect(trends).toEqual(hashtagTrends(posts, "travel", { period: "week", top: 3 }));
    expect(table.stdout).toMatch(
      /^#travel: posts per week \(32 posts\), share carrying each co-hashtag\nWeek of +Posts +#fyp +#cairo/,
    );
    expect(table.stdout).toContain(`From the week of ${trends.comparison.before.start}`);
    expect(table.stdout).toMatch(/\nRising:\n/);
    expect(csv).toMatchObject({ code: 0, stdout: "", stderr: `Wrote the trends of #travel to ${csvFile}\n` });
    expect(readFileSync(csvFile, "utf8")).toBe(trendsCsv(trends));
    expect(badWeek.stderr).toMatch(/2020-09-15 is not a Monday/);
  });
});

describe("engagement", () => {
  it("needs two collections or two times, and shows a post's counts over time", async () => {
    const [none, window, post, stranger] = await Promise.all([
      cli("engagement", "travel"),
      cli(
        "--json",
        "engagement",
        "travel",
        "--from",
        "2000-01-01",
        "--to",
        "2100-01-01",
        "--metric",
        "likes",
      ),
      cli("--json", "engagement", "travel", "--post", posts[0]?.id ?? ""),
      cli("engagement", "cairo", "--post", posts.find((p) => !p.hashtags.includes("cairo"))?.id ?? ""),
    ]);
    expect(none.stderr).toMatch(
      /#travel has fewer than two finished collections to compare; give --from and --to/,
    );
    expect(JSON.parse(window.stdout)).toMatchObject({
      hashtag: "travel",
      metric: "likes",
      from: "2000-01-01T00:00:00.000Z",
      to: "2100-01-01T23:59:59.000Z",
      posts: [],
    });
    expect(JSON.parse(post.stdout)).toMatchObject({
      postId: posts[0]?.id,
      points: [{ plays: posts[0]?.stats.plays }],
    });
    expect(stranger.stderr).toMatch(/is not among the posts collected for #cairo/);
  });
});
