import puppeteer, { type Browser } from "puppeteer-core";
import type { FakeTikTok } from "../fake-tiktok/index.ts";

export interface LaunchChromiumOptions {
  /** Resolve every TikTok host to this fake and accept its certificate. */
  fake?: FakeTikTok;
  /** An unpacked extension to load (e.g. .output/chrome-mv3). */
  extensionDir?: string;
  /** Default true (new headless, which runs extensions). */
  headless?: boolean;
  /** Default: a fresh temporary profile that puppeteer deletes on close. */
  userDataDir?: string;
}

/** Quiet, offline-friendly flags for tests on a 2-core CI machine without a sandbox. */
export const BASE_CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
] as const;

export const chromiumExecutablePath = (): string =>
  process.env.PUPPETEER_EXECUTABLE_PATH || "/usr/bin/chromium";

const extensionFlags = (dir: string): string[] => [
  `--disable-extensions-except=${dir}`,
  `--load-extension=${dir}`,
  // Chrome 137+ ignores --load-extension unless this feature is off (Debian's Chromium still honours it, but
  // PUPPETEER_EXECUTABLE_PATH may name a Chrome).
  "--disable-features=DisableLoadExtensionCommandLineSwitch",
];

/** The system Chromium through puppeteer-core, optionally pointed at the fake TikTok and with an extension. */
export const launchChromium = (options: LaunchChromiumOptions = {}): Promise<Browser> =>
  puppeteer.launch({
    executablePath: chromiumExecutablePath(),
    headless: options.headless ?? true,
    ...(options.userDataDir === undefined ? {} : { userDataDir: options.userDataDir }),
    enableExtensions: options.extensionDir !== undefined,
    acceptInsecureCerts: options.fake !== undefined,
    args: [
      ...BASE_CHROMIUM_FLAGS,
      ...(options.fake?.chromiumArgs ?? []),
      ...(options.extensionDir === undefined ? [] : extensionFlags(options.extensionDir)),
    ],
  });
