import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createProgress } from "./progress.ts";

const capture = (isTTY: boolean) => {
  const stream = Object.assign(new PassThrough(), { isTTY });
  let text = "";
  stream.on("data", (chunk: Buffer) => {
    text += chunk.toString("utf8");
  });
  return { stream, text: () => text };
};

describe("createProgress", () => {
  it("writes nothing at all in --json mode", () => {
    const out = capture(false);
    const progress = createProgress("importing", 10, { json: true, stream: out.stream });
    progress.increment(5, "x");
    progress.log("a line");
    progress.stop();
    expect(out.text()).toBe("");
  });

  it("writes plain lines without a terminal, at most every two seconds", () => {
    const out = capture(false);
    let now = 0;
    const progress = createProgress("importing data.json", 200, {
      json: false,
      stream: out.stream,
      now: () => now,
    });
    progress.increment(10, "10 posts");
    now = 2500;
    progress.increment(40, "50 posts");
    now = 2600;
    progress.increment(50, "100 posts");
    progress.log("skipped item 3");
    progress.stop();
    expect(out.text()).toBe(
      "importing data.json: 25% 50 posts\nskipped item 3\nimporting data.json: 50% 100 posts\n",
    );
  });

  it("says nothing at the end of a task too short to have reported progress", () => {
    const out = capture(false);
    const progress = createProgress("exporting", null, { json: false, stream: out.stream, now: () => 0 });
    progress.increment();
    progress.stop();
    expect(out.text()).toBe("");
  });

  it("does not repeat its last line at the end", () => {
    const out = capture(false);
    let now = 0;
    const progress = createProgress("#travel posts", null, {
      json: false,
      stream: out.stream,
      now: () => now,
    });
    now = 2500;
    progress.increment(60, "(60 new)");
    progress.stop();
    expect(out.text()).toBe("#travel posts: 60 (60 new)\n");
  });

  it("draws a bar on a terminal, with log lines above it", () => {
    const out = capture(true);
    const progress = createProgress("importing", 4, { json: false, stream: out.stream });
    progress.increment(2, "2 posts");
    progress.log("a note");
    progress.increment(2, "4 posts");
    progress.stop();
    expect(out.text()).toContain("a note\n");
    expect(out.text()).toMatch(/importing \[[^\]]+\] 100% \| ETA 0s 4 posts/);
  });
});
