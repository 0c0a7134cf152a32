import { parseJson } from "../json/parse-json.ts";
import { asEpochSeconds, asString, epochToIso, isObject } from "./coerce.ts";
import { describe, parseItemStruct } from "./parse-item-struct.ts";
import type { ParseResult } from "./post.ts";

/**
 * One Zeeschuimer NDJSON record ({"data": ItemStruct, "timestamp_collected": ms, "source_platform_url", ...}).
 * The whole record is kept as raw so re-export loses nothing Zeeschuimer wrote.
 */
export const parseZeeschuimerRecord = (record: unknown): ParseResult => {
  if (!isObject(record))
    return { ok: false, reason: `expected a Zeeschuimer record, got ${describe(record)}` };
  if (!isObject(record.data)) return { ok: false, reason: "Zeeschuimer record has no data object" };
  const collected = asEpochSeconds(record.timestamp_collected);
  return parseItemStruct(
    record.data,
    {
      kind: "zeeschuimer",
      url: asString(record.source_platform_url) ?? asString(record.source_url),
      collectedAt: epochToIso(collected),
    },
    record,
  );
};

export const parseZeeschuimerLine = (line: string): ParseResult => {
  let record: unknown;
  try {
    record = parseJson(line);
  } catch (error) {
    return { ok: false, reason: `line is not valid JSON (${(error as Error).message})` };
  }
  return parseZeeschuimerRecord(record);
};
