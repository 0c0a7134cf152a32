import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { detectFormat } from "./detect-format.ts";

const dir = mkdtempSync(join(tmpdir(), "tha-detect-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const shared = (name: string) =>
  fileURLToPath(new URL(`../../shared/post/fixtures/${name}`, import.meta.url));

describe("detectFormat", () => {
  it.each([
    ["zeeschuimer.ndjson", "ndjson"],
    ["posts.json", "json-array"],
    ["scraper-data.json", "json-array"],
    ["item-list-response.json", "json-document"],
    ["rehydration-updated-items.json", "json-document"],
    ["sigi-state-page.html", "html"],
  ])("recognises %s as %s", async (name, format) => {
    expect(await detectFormat(shared(name))).toBe(format);
  });

  it("tells NDJSON from a one-object document by the first line, whatever the name", async () => {
    expect(await detectFormat(file("lines.json", '{"id": 1}\n{"id": 2}\n'))).toBe("ndjson");
    expect(await detectFormat(file("pretty.json", '{\n  "itemList": []\n}\n'))).toBe("json-document");
    expect(await detectFormat(file("bom.json", '\uFEFF[{"id": 1}]'))).toBe("json-array");
  });

  it("reads a JSON document written on one line as a document, not as one NDJSON line", async () => {
    expect(await detectFormat(file("compact.json", '{"itemList":[{"id":"1"}]}\n'))).toBe("json-document");
    expect(await detectFormat(file("compact-no-newline.json", '{"itemList":[]}'))).toBe("json-document");
    // The second line may start past the first chunk read: the size says more follows.
    const long = `{"id":"1","desc":"${"x".repeat(64 * 1024 - 20)}"}`;
    expect(await detectFormat(file("two.json", `${long}\n{"id":"2"}\n`))).toBe("ndjson");
    expect(await detectFormat(file("one.ndjson", '{"id":"1"}\n'))).toBe("ndjson");
  });

  it("knows a CSV by its name or by an id column in its header", async () => {
    expect(await detectFormat(file("posts.csv", "anything\n"))).toBe("csv");
    expect(await detectFormat(file("export.txt", "id,author,body\n1,a,b\n"))).toBe("csv");
    expect(await detectFormat(file("apify.txt", '"authorMeta/name","id","text"\n'))).toBe("csv");
  });

  it("knows the seed's id files by name", async () => {
    expect(await detectFormat(file("post_ids.json", "{}"))).toBe("seed-post-ids");
    expect(await detectFormat(file("video_ids.json", "{}"))).toBe("seed-video-ids");
  });

  it("refuses empty and non-JSON files", async () => {
    await expect(detectFormat(file("empty.json", " \n"))).rejects.toThrow(/is empty/);
    await expect(detectFormat(file("x.txt", "name,author\n"))).rejects.toThrow(
      /is not JSON, NDJSON, CSV or a TikTok page \(it starts with "n"\)/,
    );
  });
});
