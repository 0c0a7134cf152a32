import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
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
});
