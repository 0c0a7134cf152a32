import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CHROME_EXTENSION_ID } from "../../shared/api/extension-identity.ts";
import { BIN, runCli, sharedFixture, tempFolders } from "./cli-harness.ts";

const temp = tempFolders();
afterAll(() => temp.cleanup());

describe("start", () => {
  it("serves the API on 127.0.0.1 until SIGTERM, then exits cleanly", async () => {
    const dataDir = join(temp.make(), "data");
    expect((await runCli(["--data-dir", dataDir, "import", sharedFixture("zeeschuimer.ndjson")])).code).toBe(
      0,
    );
    const child = spawn(process.execPath, [BIN, "--data-dir", dataDir, "--json", "start", "--port", "0"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const [firstChunk] = (await once(child.stdout, "data")) as [Buffer];
      const { url } = JSON.parse(firstChunk.toString("utf8")) as { url: string };
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = await fetch(`${url}/api/health`);
      expect(await health.json()).toMatchObject({ ok: true, posts: 3 });
    } finally {
      child.kill("SIGTERM");
    }
    const [code] = await once(child, "close");
    expect(code).toBe(0);
  });

  it("says so when the port is taken", async () => {
    const blocker = createServer().listen(0, "127.0.0.1");
    await once(blocker, "listening");
    const address = blocker.address();
    const port = typeof address === "object" && address !== null ? address.port : 0;
    try {
      const result = await runCli(["--data-dir", join(temp.make(), "data"), "start", "--port", String(port)]);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`error: Port ${port} is in use (is the companion already running?)\n`);
    } finally {
      blocker.close();
    }
  });

  it("creates the token file 0600, prints where everything is and the pairing link, and reuses the token", async () => {
    const dataDir = join(temp.make(), "data");
    const first = await startCompanion(dataDir, []);
    let token: string;
    try {
      const tokenFile = join(dataDir, "companion-token");
      token = readFileSync(tokenFile, "utf8").trim();
      expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
      expect(first.output).toBe(
        [
          `Listening on ${first.url}`,
          `Data folder: ${dataDir}`,
          `Token file:  ${tokenFile}`,
          `Pair the Chrome extension by opening: chrome-extension://${CHROME_EXTENSION_ID}/options.html?token=${token}&url=${encodeURIComponent(first.url)}`,
          "(Firefox: paste the token from the token file into the extension's options.) Ctrl-C stops.",
          "",
        ].join("\n"),
      );
      expect((await fetch(`${first.url}/api/hashtags`)).status).toBe(401);
      const authorised = await fetch(`${first.url}/api/hashtags`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(authorised.status).toBe(200);
      expect(first.stderr()).not.toContain(token);
    } finally {
      expect(await first.stop()).toBe(0);
    }
    const again = await startCompanion(dataDir, ["--json"]);
    try {
      expect(JSON.parse(again.output)).toEqual({
        url: again.url,
        dataDir,
        tokenFile: join(dataDir, "companion-token"),
      });
      expect(readFileSync(join(dataDir, "companion-token"), "utf8").trim()).toBe(token);
    } finally {
      expect(await again.stop()).toBe(0);
    }
    const renewed = await startCompanion(dataDir, ["--json", "--new-token"]);
    try {
      expect(readFileSync(join(dataDir, "companion-token"), "utf8").trim()).not.toBe(token);
    } finally {
      expect(await renewed.stop("SIGINT")).toBe(0);
    }
  });

  it("refuses a second companion on the same data folder, and starts again after SIGTERM", async () => {
    const dataDir = join(temp.make(), "data");
    const first = await startCompanion(dataDir, ["--json"]);
    try {
      const second = await runCli(["--data-dir", dataDir, "start", "--port", "0"]);
      expect(second.code).toBe(1);
      expect(second.stderr).toBe(
        `error: Another companion (pid ${first.pid}) is already serving the data folder ${dataDir}; stop it first\n`,
      );
      expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
    } finally {
      expect(await first.stop()).toBe(0);
    }
    const after = await startCompanion(dataDir, ["--json"]);
    expect(await after.stop()).toBe(0);
  });
});

/** `start --port 0` in a child process, once it listens. */
const startCompanion = async (dataDir: string, args: string[]) => {
  const child = spawn(
    process.execPath,
    [
      BIN,
      "--data-dir",
      dataDir,
      ...args.filter((a) => a === "--json"),
      "start",
      "--port",
      "0",
      ...args.filter((a) => a !== "--json"),
    ],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const [chunk] = (await once(child.stdout, "data")) as [Buffer];
  const output = chunk.toString("utf8");
  const url = /http:\/\/127\.0\.0\.1:\d+/u.exec(output)?.[0] ?? "";
  return {
    output,
    url,
    pid: child.pid,
    stderr: () => stderr,
    stop: async (signal: NodeJS.Signals = "SIGTERM") => {
      child.kill(signal);
      const [code] = (await once(child, "close")) as [number];
      return code;
    },
  };
};
