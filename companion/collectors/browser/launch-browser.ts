import puppeteer, { type Browser } from "puppeteer-core";

export interface LaunchSettings {
  executablePath: string;
  headed: boolean;
  /** Persistent profile (cookies, a logged-in session) kept between runs: the CLI's --profile DIR. */
  profileDir?: string | null;
  proxy?: string | null;
  /** More Chromium flags; tests pass the fake's host-resolver rules, production none. */
  extraArgs?: string[];
}

/** Chromium's command line: quiet (no sync, no background traffic), sandbox off only where it cannot work. */
export const chromiumArgs = (settings: LaunchSettings, isRoot: boolean): string[] => [
  // Chromium refuses to start its sandbox as root (containers, CI).
  ...(isRoot ? ["--no-sandbox"] : []),
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  ...(settings.proxy ? [`--proxy-server=${settings.proxy}`] : []),
  ...(settings.extraArgs ?? []),
];

export const launchBrowser = (settings: LaunchSettings): Promise<Browser> =>
  puppeteer.launch({
    executablePath: settings.executablePath,
    headless: !settings.headed,
    userDataDir: settings.profileDir ?? undefined,
    args: chromiumArgs(settings, process.getuid?.() === 0),
    defaultViewport: { width: 1280, height: 900 },
  });
