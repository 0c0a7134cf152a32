import { join } from "node:path";
import { requireHashtag } from "../../shared/hashtag/hashtag.ts";
import { plotsDir, resolveInside } from "../store/paths.ts";

const two = (value: number): string => String(value).padStart(2, "0");

/** <tag>_<YYYY_MM_DD_HH_MM_SS>.png in local time, as the seed named its plots. */
export const plotFileName = (hashtag: string, at: Date): string =>
  `${hashtag}_${[at.getFullYear(), two(at.getMonth() + 1), two(at.getDate()), two(at.getHours()), two(at.getMinutes()), two(at.getSeconds())].join("_")}.png`;

/** data/<tag>/plots/<name>.png, checked (links included) to stay inside the data folder before it is written. */
export const defaultPlotPath = (dataDir: string, hashtag: string, at: Date): Promise<string> =>
  resolveInside(dataDir, join(plotsDir(dataDir, hashtag), plotFileName(requireHashtag(hashtag), at)));

/** Room for every bar label: the seed's 3:4 page for 20 bars, taller for more. */
export const plotSize = (bars: number): { width: number; height: number } => ({
  width: 1000,
  height: Math.max(600, Math.min(4000, 200 + bars * 55)),
});
