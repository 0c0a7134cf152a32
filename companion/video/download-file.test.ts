import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { withPoliteness } from "../collectors/politeness/politeness.ts";
import { parseContentRange } from "./content-range.ts";
import { createDispatcher } from "./dispatcher.ts";
import { downloadFile, MediaUnavailableError } from "./download-file.ts";

// A minimal origin with scripted misbehaviour, to pin down the downloader's HTTP handling precisely.
const FILE = Buffer.from(Array.from({ length: 50_000 }, (_, index) => (index * 7) % 256));
type Script = (request: IncomingMessage, response: ServerResponse) => boolean;
let script: Script[] = [];
const seen: { range: string | undefined; referer: string | undefined }[] = [];

const serveRange = (request: IncomingMessage, response: ServerResponse) => {
  const match = /^bytes=(\d+)-$/u.exec(request.headers.range ?? "");
  if (!match) {
    response.writeHead(200, { "content-length": FILE.length, "content-type": "video/mp4" });
    response.end(FILE);
    return;
  }
  const start = Number(match[1]);
  if (start >= FILE.length) {
    response.writeHead(416, { "content-range": `bytes */${FILE.length}` });
    response.end();
    return;
  }
  response.writeHead(206, {
    "content-length": FILE.length - start,
    "content-range": `bytes ${start}-${FILE.length - 1}/${FILE.length}`,
  });
  response.end(FILE.subarray(start));
};

let server: Server;
let url: string;
let folder: string;
const dispatcher = createDispatcher();
const politeness = withPoliteness({ backoff: { baseMs: 5, maxMs: 20 }, maxAttempts: 4 });

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push({ range: request.headers.range, referer: request.headers.referer });
    const step = script.shift();
    if (step?.(request, response)) return;
    serveRange(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/video.mp4`;
  folder = await mkdtemp(join(tmpdir(), "download-file-"));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(folder, { recursive: true, force: true });
});

beforeEach(() => {
  script = [];
  seen.length = 0;
});

const sha = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const download = (name: string) =>
  downloadFile({
    url,
    destination: join(folder, name),
    headers: { referer: "https://www.tiktok.com/" },
    dispatcher,
    politeness,
    label: `video ${name}`,
  });

const cutAfter =
  (bytes: number): Script =>
  (_request, response) => {
    response.writeHead(200, { "content-length": FILE.length });
    response.write(FILE.subarray(0, bytes), () => response.socket?.destroy());
    return true;
  };

describe("parseContentRange", () => {
  it("reads ranges and unsatisfied ranges", () => {
    expect(parseContentRange("bytes 10-19/100")).toEqual({ kind: "range", start: 10, end: 19, total: 100 });
    expect(parseContentRange("bytes 10-19/*")).toEqual({ kind: "range", start: 10, end: 19, total: null });
    expect(parseContentRange("bytes */100")).toEqual({ kind: "unsatisfied", total: 100 });
    expect(parseContentRange("items 1-2/3")).toBeNull();
  });
});

describe("downloadFile", () => {
  it("downloads, verifies and renames, sending the given headers", async () => {
    const result = await download("a.mp4");
    expect(result).toMatchObject({ size: FILE.length, sha256: sha(FILE), rangeStarts: [] });
    expect(await readFile(join(folder, "a.mp4"))).toEqual(FILE);
    await expect(stat(join(folder, "a.mp4.part"))).rejects.toThrow();
    expect(seen[0]?.referer).toBe("https://www.tiktok.com/");
  });

  it("resumes with Range after the connection is cut mid-body", async () => {
    script = [cutAfter(20_000)];
    const result = await download("b.mp4");
    expect(seen[1]?.range).toMatch(/^bytes=\d+-$/u);
    expect(Number(seen[1]?.range?.slice(6, -1))).toBeGreaterThan(0);
    expect(result.sha256).toBe(sha(FILE));
    expect(await readFile(join(folder, "b.mp4"))).toEqual(FILE);
  });

  it("never writes through a .part that is a symbolic link (one swapped in after the path was checked)", async () => {
    await writeFile(join(folder, "victim"), "keep me");
    await symlink(join(folder, "victim"), join(folder, "linked.mp4.part"));
    await expect(download("linked.mp4")).rejects.toThrow(/ELOOP/u);
    expect(await readFile(join(folder, "victim"), "utf8")).toBe("keep me");
    expect(seen).toEqual([]);
  });

  it("resumes a .part left by an earlier run", async () => {
    await writeFile(join(folder, "c.mp4.part"), FILE.subarray(0, 12_345));
    const result = await download("c.mp4");
    expect(seen.map((request) => request.range)).toEqual(["bytes=12345-"]);
    expect(result).toMatchObject({ rangeStarts: [12_345], size: FILE.length, sha256: sha(FILE) });
  });

  it("finishes a complete .part when the server answers 416", async () => {
    await writeFile(join(folder, "d.mp4.part"), FILE);
    const result = await download("d.mp4");
    expect(seen.map((request) => request.range)).toEqual([`bytes=${FILE.length}-`]);
    expect(result.sha256).toBe(sha(FILE));
  });

  it("starts over when the server ignores Range", async () => {
    await writeFile(join(folder, "e.mp4.part"), Buffer.alloc(9_000, 1));
    script = [
      (_request, response) => {
        response.writeHead(200, { "content-length": FILE.length });
        response.end(FILE);
        return true;
      },
    ];
    const result = await download("e.mp4");
    expect(result.sha256).toBe(sha(FILE));
  });

  it("retries 429 after Retry-After", async () => {
    script = [
      (_request, response) => {
        response.writeHead(429, { "retry-after": "1" });
        response.end();
        return true;
      },
    ];
    const started = performance.now();
    const result = await download("f.mp4");
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
    expect(result.sha256).toBe(sha(FILE));
  });

  it("reports a 403 as unavailable without retrying and leaves no file", async () => {
    script = [
      (_request, response) => {
        response.writeHead(403);
        response.end();
        return true;
      },
    ];
    const failure = download("g.mp4");
    await expect(failure).rejects.toBeInstanceOf(MediaUnavailableError);
    await expect(failure).rejects.toMatchObject({
      status: 403,
      message: "video g.mp4: the server answered HTTP 403",
    });
    expect(seen).toHaveLength(1);
    await expect(stat(join(folder, "g.mp4"))).rejects.toThrow();
  });

  it("gives up after repeated cuts, keeping the bytes for the next run and no final file", async () => {
    script = [cutAfter(1000), cutAfter(1000), cutAfter(1000), cutAfter(1000)];
    await expect(download("h.mp4")).rejects.toMatchObject({ kind: "network" });
    await expect(stat(join(folder, "h.mp4"))).rejects.toThrow();
    expect((await stat(join(folder, "h.mp4.part"))).size).toBeGreaterThan(0);
  });
});
