import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Agent } from "undici";
import { afterAll, describe, expect, it } from "vitest";
import { fetchJson } from "./testing/clients.ts";

const CLI = new URL("cli.ts", import.meta.url).pathname;
const run = (args: string[]): ChildProcess =>
  spawn(process.execPath, ["--import", "tsx", CLI, ...args], { stdio: ["ignore", "pipe", "pipe"] });

const output = (child: ChildProcess, until: RegExp): Promise<string> =>
  new Promise((resolve, reject) => {
    let text = "";
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      if (until.test(text)) resolve(text);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", () =>
      until.test(text) ? resolve(text) : reject(new Error(`exited early:\n${text}`)),
    );
  });

const exitCode = (child: ChildProcess): Promise<number | null> =>
  new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once("exit", resolve)));

describe("npm run fake-tiktok", () => {
  const folder = mkdtempSync(path.join(tmpdir(), "fake-tiktok-cli-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("prints the origin, proxy and Chromium flags, serves until SIGTERM, then exits cleanly", async () => {
    const caFile = path.join(folder, "ca.pem");
    const child = run([
      "--port",
      "0",
      "--proxy-port",
      "0",
      "--seed",
      "4",
      "--tags",
      "travel:12,東京:3",
      "--ca-file",
      caFile,
    ]);
    try {
      const printed = await output(child, /faults:.*\n/u);
      const origin = /Fake TikTok on (https:\/\/127\.0\.0\.1:\d+) \(seed 4\)/u.exec(printed)?.[1];
      expect(origin).toBeDefined();
      expect(printed).toMatch(
        /proxy: {4}http:\/\/127\.0\.0\.1:\d+ {3}\(tiktok-scraper: proxy "127\.0\.0\.1:\d+"\)/u,
      );
      expect(printed).toContain("'--host-resolver-rules=MAP www.tiktok.com 127.0.0.1:");
      expect(printed).toContain("'--ignore-certificate-errors'");
      const client = new Agent({ connect: { ca: readFileSync(caFile, "utf8") } });
      const { json } = await fetchJson(client, `${origin}/__fake/health`);
      expect(json).toMatchObject({
        origin,
        seed: 4,
        tags: [
          { name: "travel", postCount: 12 },
          { name: "東京", postCount: 3 },
        ],
      });
      await client.close();
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exitCode(child)).toBe(0);
  });

  it("rejects a bad option with a one-line error and exit code 1", async () => {
    const child = run(["--port", "0", "--proxy-port", "0", "--tags", "travel:3,bad tag:2"]);
    const printed = await output(child, /\n/u);
    expect(await exitCode(child)).toBe(1);
    expect(printed.trim()).toBe(
      'fake-tiktok: Invalid hashtag "bad tag": it contains whitespace (one hashtag per entry)',
    );
  });
});
