import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { hashtag, type Options } from "tiktok-scraper";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "../../shared/post/parse-any.ts";
import { startFakeTikTok } from "./index.ts";
import type { FakeTikTok } from "./types.ts";

/**
 * What the tiktok-scraper adapter must pass: `proxy` as host:port (the library prepends "http://" itself),
 * and either strictSSL: false (missing from its Options type) or NODE_EXTRA_CA_CERTS=<the fake's CA> in
 * the environment of the process that loads it.
 */
const scraperOptions = (fake: FakeTikTok, number: number): Options & { strictSSL: boolean } => ({
  number,
  proxy: new URL(fake.proxyUrl).host,
  strictSSL: false,
});

describe("tiktok-scraper 1.4.36 against the fake", () => {
  let fake: FakeTikTok;
  let folder: string;
  beforeAll(async () => {
    fake = await startFakeTikTok({ seed: 11, tags: { travel: 95, 東京: 35 } });
    folder = mkdtempSync(path.join(tmpdir(), "fake-tiktok-scraper-"));
  });
  afterAll(async () => {
    await fake.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it("collects whole tags through the CONNECT proxy, in the API's order", async () => {
    for (const tag of ["travel", "東京"]) {
      // number: 0 means no limit.
      const result = await hashtag(tag, scraperOptions(fake, 0));
      expect(result.collector.map((post) => post.id)).toEqual(fake.corpus.posts(tag).map((post) => post.id));
      // tiktok-scraper takes hashtags from `challenges` only: posts without that list lose them.
      const tagged = parseDocument({ collector: result.collector }).map(
        (parsed) => parsed.ok && parsed.post.hashtags.includes(tag),
      );
      expect(tagged).toEqual(fake.corpus.posts(tag).map((post) => post.challenges !== undefined));
    }
    const calls = fake.requests.map((request) => `${request.host} ${request.path.split("?")[0]}`);
    expect(new Set(calls)).toEqual(
      new Set([
        "m.tiktok.com /node/share/tag/travel",
        `m.tiktok.com /node/share/tag/${encodeURIComponent("東京")}`,
        "m.tiktok.com /api/challenge/item_list/",
      ]),
    );
    expect(fake.requests.filter((request) => request.path.includes("item_list"))).toHaveLength(4 + 2);
    expect(fake.requests.every((request) => request.status === 200)).toBe(true);
  });

  it("stops at `number`, and finds nothing (without an error) for an unknown tag", async () => {
    expect((await hashtag("travel", scraperOptions(fake, 40))).collector).toHaveLength(40);
    expect((await hashtag("nosuchtag", scraperOptions(fake, 0))).collector).toEqual([]);
  });

  it("ends early and silently on a captcha: the adapter must compare with challengeInfo's videoCount", async () => {
    fake.addFault({ host: "m.tiktok.com", path: "cursor=30", fault: { kind: "captcha" } });
    expect((await hashtag("travel", scraperOptions(fake, 0))).collector).toHaveLength(30);
  });

  it("verifies the certificate when the process trusts the fake's CA (NODE_EXTRA_CA_CERTS)", async () => {
    const caFile = path.join(folder, "fake-tiktok-ca.pem");
    writeFileSync(caFile, fake.caCertificate);
    const script = `require("tiktok-scraper").hashtag("東京", { number: 0, proxy: ${JSON.stringify(new URL(fake.proxyUrl).host)} })
      .then((result) => console.log(JSON.stringify(result.collector.map((post) => post.id))))`;
    const run = (env: NodeJS.ProcessEnv) =>
      promisify(execFile)(process.execPath, ["-e", script], {
        env: { ...process.env, ...env },
        timeout: 30_000,
      });
    const trusted = await run({ NODE_EXTRA_CA_CERTS: caFile });
    expect(JSON.parse(trusted.stdout)).toEqual(fake.corpus.posts("東京").map((post) => post.id));
    // Without the CA (and without strictSSL: false) the TLS handshake fails and tiktok-scraper returns nothing.
    expect(JSON.parse((await run({ NODE_EXTRA_CA_CERTS: "" })).stdout)).toEqual([]);
  });
});
