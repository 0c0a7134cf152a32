import { describe, expect, it } from "vitest";
import { UserError } from "../../cli/user-error.ts";
import { browserCandidates, findBrowser } from "./find-browser.ts";
import { chromiumArgs } from "./launch-browser.ts";
import { planScroll } from "./scroll-plan.ts";

const only =
  (...present: string[]) =>
  (path: string) =>
    present.includes(path);

describe("findBrowser", () => {
  it("prefers --browser, then PUPPETEER_EXECUTABLE_PATH, then the usual installs", () => {
    const exists = only("/opt/chrome", "/env/chrome", "/usr/bin/google-chrome");
    const env = { PUPPETEER_EXECUTABLE_PATH: "/env/chrome", PATH: "" };
    expect(findBrowser({ explicit: "/opt/chrome", env, platform: "linux", exists })).toBe("/opt/chrome");
    expect(findBrowser({ env, platform: "linux", exists })).toBe("/env/chrome");
    expect(findBrowser({ env: { PATH: "" }, platform: "linux", exists })).toBe("/usr/bin/google-chrome");
  });

  it("searches PATH and platform defaults", () => {
    expect(
      findBrowser({ env: { PATH: "/custom/bin" }, platform: "linux", exists: only("/custom/bin/chromium") }),
    ).toBe("/custom/bin/chromium");
    const mac = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
    expect(findBrowser({ env: {}, platform: "darwin", exists: only(mac) })).toBe(mac);
    expect(browserCandidates("win32", { PROGRAMFILES: "C:\\Program Files" })).toContain(
      "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
    );
  });

  it("names what it tried when nothing is found", () => {
    const attempt = () => findBrowser({ env: { PATH: "" }, platform: "linux", exists: () => false });
    expect(attempt).toThrow(UserError);
    expect(attempt).toThrow(
      /^No Chromium or Chrome found \(tried \/usr\/bin\/chromium, \/usr\/bin\/chromium-browser, /u,
    );
    expect(attempt).toThrow(/pass --browser PATH or set PUPPETEER_EXECUTABLE_PATH$/u);
  });

  it("rejects a --browser or PUPPETEER_EXECUTABLE_PATH that does not exist", () => {
    expect(() => findBrowser({ explicit: "/nope", exists: () => false })).toThrow(
      "--browser /nope: no such file",
    );
    expect(() => findBrowser({ env: { PUPPETEER_EXECUTABLE_PATH: "/gone" }, exists: () => false })).toThrow(
      "PUPPETEER_EXECUTABLE_PATH=/gone: no such file",
    );
  });
});

describe("chromiumArgs", () => {
  it("adds the proxy and extra flags, and --no-sandbox only as root", () => {
    const settings = {
      executablePath: "/c",
      headed: false,
      proxy: "http://127.0.0.1:3128",
      extraArgs: ["--x"],
    };
    const args = chromiumArgs(settings, false);
    expect(args).toContain("--proxy-server=http://127.0.0.1:3128");
    expect(args.at(-1)).toBe("--x");
    expect(args).not.toContain("--no-sandbox");
    expect(chromiumArgs(settings, true)[0]).toBe("--no-sandbox");
  });
});

describe("planScroll", () => {
  it("scrolls mostly down in uneven notches with pauses, pointer inside the viewport", () => {
    let state = 7;
    const random = () => {
      state = (state * 16807) % 2147483647;
      return state / 2147483647;
    };
    for (let run = 0; run < 50; run += 1) {
      const plan = planScroll(random, { width: 1280, height: 900 });
      expect(plan.steps.length).toBeGreaterThanOrEqual(3);
      expect(plan.steps.length).toBeLessThanOrEqual(7);
      expect(plan.steps.reduce((sum, step) => sum + step.deltaY, 0)).toBeGreaterThan(0);
      expect(plan.pointer.x).toBeGreaterThan(0);
      expect(plan.pointer.x).toBeLessThan(1280);
      for (const step of plan.steps) expect(step.pauseMs).toBeGreaterThanOrEqual(40);
    }
    expect(
      new Set(
        Array.from({ length: 20 }, () => planScroll(random, { width: 1280, height: 900 }).steps[0]?.deltaY),
      ).size,
    ).toBeGreaterThan(5);
  });
});
