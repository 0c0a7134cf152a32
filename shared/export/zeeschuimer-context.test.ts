import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../post/parse-any.ts";
import { parseZeeschuimerLine } from "../post/parse-zeeschuimer-line.ts";
import type { ParseResult, Post } from "../post/post.ts";
import { toZeeschuimerRecord } from "./zeeschuimer-ndjson.ts";

const fixture = (name: string) => readFileSync(new URL(`../post/fixtures/${name}`, import.meta.url), "utf8");
const ok = (results: ParseResult[]): Post[] => results.flatMap((result) => (result.ok ? [result.post] : []));
const webPost = ok(parseDocument(JSON.parse(fixture("item-list-response.json"))))[0] as Post;
const zeeschuimerPost = ok(
  fixture("zeeschuimer.ndjson").trim().split("\n").map(parseZeeschuimerLine),
)[0] as Post;
const profileUrl = "https://www.tiktok.com/@someone";
const options = { platformUrl: profileUrl, collectedAt: "2024-01-01T00:00:00.000Z" };

describe("Zeeschuimer records of posts captured off tag pages", () => {
  it("name the page they were captured on instead of a tag page", () => {
    expect(toZeeschuimerRecord(webPost, options)).toMatchObject({
      id: webPost.id,
      source_platform_url: profileUrl,
    });
  });

  it("write a Zeeschuimer post back unchanged but for the page, which is the one exported", () => {
    const raw = zeeschuimerPost.raw as Record<string, unknown>;
    expect(toZeeschuimerRecord(zeeschuimerPost, options)).toEqual({
      ...raw,
      source_platform_url: profileUrl,
    });
    const own = raw.source_platform_url as string;
    expect(toZeeschuimerRecord(zeeschuimerPost, { ...options, platformUrl: own })).toBe(raw);
  });
});
