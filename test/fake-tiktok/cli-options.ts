import { parseFaultSpec } from "./server/fault-input.ts";
import type { FaultRule } from "./types.ts";

/** `travel:200,food:80,東京:35` -> { travel: 200, food: 80, 東京: 35 }; the error names the bad entry. */
export const parseTagSizes = (spec: string): Record<string, number> => {
  const tags: Record<string, number> = {};
  for (const entry of spec.split(",")) {
    const match = /^\s*(?<name>[^:]+?)\s*:\s*(?<size>\d+)\s*$/u.exec(entry)?.groups;
    if (!match?.name || !match.size)
      throw new Error(`Invalid --tags entry ${JSON.stringify(entry)}: expected NAME:COUNT, e.g. travel:200`);
    tags[match.name] = Number(match.size);
  }
  return tags;
};

/** `20000-120000` -> { min: 20000, max: 120000 }. */
export const parseByteRange = (spec: string): { min: number; max: number } => {
  const match = /^(?<min>\d+)-(?<max>\d+)$/u.exec(spec.trim())?.groups;
  if (!match?.min || !match.max)
    throw new Error(`Invalid --video-bytes ${JSON.stringify(spec)}: expected MIN-MAX`);
  return { min: Number(match.min), max: Number(match.max) };
};

export const parseWholeNumber =
  (name: string) =>
  (text: string): number => {
    if (!/^\d+$/u.test(text.trim()))
      throw new Error(`Invalid ${name} ${JSON.stringify(text)}: expected a whole number`);
    return Number(text);
  };

export const parseFault = (spec: string): FaultRule => {
  const parsed = parseFaultSpec(spec);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};
