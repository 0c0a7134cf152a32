import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Whether the process was started with one of these modules (bin.js, possibly through npm's .bin link). */
export const isEntry = (...moduleUrls: string[]): boolean => {
  const started = process.argv[1];
  if (started === undefined) return false;
  let path: string;
  try {
    path = realpathSync(started);
  } catch {
    return false;
  }
  return moduleUrls.some((url) => fileURLToPath(url) === path);
};
