import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import { UserError } from "../../cli/user-error.ts";

const LINUX_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

/** Where Chromium or Chrome usually lives, per platform, most specific first. */
export const browserCandidates = (platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] => {
  if (platform === "darwin")
    return [
      "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
      "/Applications/Chromium.app/Contents/MacOS/Chromium",
      ...(env.HOME ? [join(env.HOME, "Applications/Google Chrome.app/Contents/MacOS/Google Chrome")] : []),
    ];
  if (platform === "win32")
    return [env.PROGRAMFILES, env["PROGRAMFILES(X86)"], env.LOCALAPPDATA]
      .filter((root): root is string => !!root)
      .flatMap((root) => [
        `${root}\\Google\\Chrome\\Application\\chrome.exe`,
        `${root}\\Chromium\\Application\\chrome.exe`,
      ]);
  const fromPath = (env.PATH ?? "")
    .split(delimiter)
    .filter(Boolean)
    .flatMap((folder) => LINUX_NAMES.map((name) => join(folder, name)));
  return [...new Set([...LINUX_NAMES.map((name) => `/usr/bin/${name}`), ...fromPath, "/snap/bin/chromium"])];
};

export interface FindBrowserOptions {
  /** The CLI's --browser PATH. */
  explicit?: string | null;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  exists?: (path: string) => boolean;
}

/** The browser to drive: --browser, else PUPPETEER_EXECUTABLE_PATH, else the first usual install found. */
export const findBrowser = ({
  explicit,
  env = process.env,
  platform = process.platform,
  exists = existsSync,
}: FindBrowserOptions = {}): string => {
  if (explicit) {
    if (!exists(explicit)) throw new UserError(`--browser ${explicit}: no such file`);
    return explicit;
  }
  const fromEnv = env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv) {
    if (!exists(fromEnv)) throw new UserError(`PUPPETEER_EXECUTABLE_PATH=${fromEnv}: no such file`);
    return fromEnv;
  }
  const candidates = browserCandidates(platform, env);
  const found = candidates.find((path) => exists(path));
  if (found) return found;
  throw new UserError(
    `No Chromium or Chrome found (tried ${candidates.join(", ")}); install one, or pass --browser PATH ` +
      "or set PUPPETEER_EXECUTABLE_PATH",
  );
};
