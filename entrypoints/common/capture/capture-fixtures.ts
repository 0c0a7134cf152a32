import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseJson } from "../../../shared/json/parse-json.ts";

/** The shared parsers' fixtures, read as the page-world script reads responses (lossless ids). */
export const readFixture = (name: string): unknown =>
  parseJson(
    readFileSync(fileURLToPath(new URL(`../../../shared/post/fixtures/${name}`, import.meta.url)), "utf8"),
  );

export const itemListResponse = () =>
  readFixture("item-list-response.json") as { itemList: Record<string, unknown>[] };
