import { MAX_PAGE_SIZE } from "../markers.ts";
import type { FakeTikTokOptions } from "../types.ts";

export const DEFAULT_TAGS: Readonly<Record<string, number>> = { travel: 120, food: 60, 東京: 35, مصر: 20 };
export const DEFAULT_VIDEO_BYTES = { min: 20_000, max: 120_000 } as const;

export type Settings = Required<FakeTikTokOptions>;

const port = (value: number, name: string): number => {
  if (!Number.isInteger(value) || value < 0 || value > 65_535)
    throw new RangeError(`${name} must be a port number from 0 to 65535, got ${value}`);
  return value;
};

/** Options with their defaults, checked; the error names the bad option. */
export const resolveSettings = (options: FakeTikTokOptions): Settings => {
  const pageSize = options.pageSize ?? 30;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE)
    throw new RangeError(`pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}, got ${pageSize}`);
  return {
    seed: options.seed ?? 1,
    tags: options.tags ?? { ...DEFAULT_TAGS },
    pageSize,
    port: port(options.port ?? 0, "port"),
    proxyPort: port(options.proxyPort ?? 0, "proxyPort"),
    videoBytes: options.videoBytes ?? { ...DEFAULT_VIDEO_BYTES },
    hostileIds: options.hostileIds ?? [],
  };
};
