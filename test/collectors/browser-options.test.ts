import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BrowserCollector } from "../../companion/collectors/browser/browser-collector.ts";
import { waitForCaptchaSolved } from "../../companion/collectors/browser/captcha-wait.ts";
import { CAPTCHA, CHAIN_TOKEN_COOKIE, type FakeTikTok, startFakeTikTok } from "../fake-tiktok/index.ts";
import { collectAll, FAST, idsOf } from "./collect-all.ts";

// Options that need a Chromium of their own: --proxy, --profile, and what --headed waits for.
let fake: FakeTikTok;
let folder: string;

const chainToken = async (collector: BrowserCollector) =>
  (await (await collector.mediaSession()).headersFor("https://v16-webapp-prime.tiktok.com/x.mp4")).cookie
    ?.split("; ")
    .find((pair) => pair.startsWith(`${CHAIN_TOKEN_COOKIE}=`));

beforeAll(async () => {
  fake = await startFakeTikTok({ seed: 4, tags: { travel: 20 }, pageSize: 10 });
  folder = await mkdtemp(join(tmpdir(), "browser-options-"));
});

afterAll(async () => {
  await fake.close();
  await rm(folder, { recursive: true, force: true });
});

describe("browser collector options", () => {
  it("sends all traffic through --proxy", async () => {
    // No host mapping this time: only the proxy can bring www.tiktok.com to the fake.
    const collector = new BrowserCollector({
      proxy: fake.proxyUrl,
      extraArgs: ["--ignore-certificate-errors"],
      politeness: FAST,
      settleMs: 300,
    });
    try {
      const { posts, error } = await collectAll(collector.collect("travel", { limit: null, since: null }));
      expect(error).toBeNull();
      expect(idsOf(posts)).toEqual(idsOf(fake.corpus.posts("travel")));
    } finally {
      await collector.close();
    }
  });

  it("keeps cookies in a --profile folder from one run to the next", async () => {
    const profileDir = join(folder, "profile");
    const first = new BrowserCollector({
      extraArgs: fake.chromiumArgs,
      profileDir,
      politeness: FAST,
      settleMs: 300,
    });
    let token: string | undefined;
    try {
      await collectAll(first.collect("travel", { limit: 5, since: null }));
      token = await chainToken(first);
    } finally {
      await first.close();
    }
    expect(token).toBeDefined();
    const requestsBefore = fake.requests.length;
    const second = new BrowserCollector({ extraArgs: fake.chromiumArgs, profileDir, politeness: FAST });
    try {
      expect(await chainToken(second)).toBe(token);
      // The session came from the profile: no page had to be visited for it.
      expect(fake.requests.length).toBe(requestsBefore);
    } finally {
      await second.close();
    }
  });

  it("with --headed, waits for the person to solve the captcha, and gives up after the timeout", async () => {
    const collector = new BrowserCollector({ extraArgs: fake.chromiumArgs, politeness: FAST });
    const page = await collector.newPage();
    try {
      await page.setContent(
        `<div class="${CAPTCHA.containerSelector.slice(1)}"><div id="${CAPTCHA.mainPageId}">Drag the slider</div></div>`,
      );
      const notices: string[] = [];
      const solving = waitForCaptchaSolved(page, "travel", {
        headed: true,
        timeoutMs: 10_000,
        onNotice: (n) => notices.push(n),
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      // What TikTok's page does once the puzzle is solved.
      await page.evaluate(
        (selector) => document.querySelector(selector)?.remove(),
        CAPTCHA.containerSelector,
      );
      await expect(solving).resolves.toBeUndefined();
      expect(notices).toEqual([
        "TikTok shows a captcha for #travel: solve it in the browser window (waiting up to 10 seconds)",
      ]);

      await page.setContent(`<div id="${CAPTCHA.mainPageId}"></div>`);
      await expect(
        waitForCaptchaSolved(page, "travel", { headed: true, timeoutMs: 600 }),
      ).rejects.toMatchObject({
        kind: "captcha",
        message:
          "The captcha for #travel was not solved within 600 ms; everything collected before it is kept",
      });
    } finally {
      await page.close();
      await collector.close();
    }
  });
});
