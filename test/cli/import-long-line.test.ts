import { closeSync, openSync, writeSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { runCli, tempFolders } from "./cli-harness.ts";

const temp = tempFolders();
afterAll(() => temp.cleanup());

it("refuses an NDJSON line too long for one record, naming the line, without a stack trace or a stored post", async () => {
  const file = join(temp.make(), "huge.ndjson");
  const fd = openSync(file, "w");
  writeSync(fd, '{"id":"1","desc":"fine"}\n{"id":"2","desc":"');
  // Past the 64 MB limit; a line past Node's string limit (~512 MB) crashed readline with a RangeError.
  const block = Buffer.alloc(1024 * 1024, 97);
  for (let i = 0; i < 65; i++) writeSync(fd, block);
  writeSync(fd, '"}\n{"id":"3"}\n');
  closeSync(fd);
  const dataDir = join(temp.make(), "data");
  const result = await runCli(["--data-dir", dataDir, "import", "--hashtag", "travel", file]);
  expect(result.stderr).toMatch(
    /^error: [^\n]*huge\.ndjson line 2 is longer than 64 MB[^\n]*nothing was imported[^\n]*\n$/u,
  );
  expect(result.code).toBe(1);
  const listing = await runCli(["--data-dir", dataDir, "--json", "hashtags"]);
  expect(JSON.parse(listing.stdout)).toEqual([]);
});
