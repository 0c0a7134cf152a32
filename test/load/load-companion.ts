/**
 * The companion under load, in a process of its own so the load generator does not share its event loop:
 * the fake TikTok, a temporary data folder, the store opened as `start` opens it (no busy wait), the API with
 * the job engine behind the token. Prints one JSON line {url, token, dataDir}; stops on SIGTERM.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createJobEngine } from "../../companion/jobs/job-engine.ts";
import { startServer } from "../../companion/server/start-server.ts";
import { openSqliteStore } from "../../companion/store/sqlite-store.ts";
import { startFakeTikTok } from "../fake-tiktok/index.ts";
import { fakeJobTools } from "../jobs/fake-job-tools.ts";

const POLITE_BUT_QUICK = {
  delayMs: { min: 50, max: 150 },
  backoff: { baseMs: 50, maxMs: 500 },
  maxAttempts: 4,
};

const dataDir = await mkdtemp(join(tmpdir(), "api-load-"));
const fake = await startFakeTikTok({ seed: 5, tags: { travel: 600, food: 200 }, pageSize: 30 });
const store = openSqliteStore(dataDir, { busyTimeoutMs: 0 });
const tools = fakeJobTools(fake, POLITE_BUT_QUICK);
const engine = createJobEngine({
  store,
  tools,
});
const token = "load".repeat(11);
const server = await startServer(store, 0, { version: "load", token, routers: engine.routers });
engine.start();
process.stdout.write(`${JSON.stringify({ url: server.url, token, dataDir })}\n`);

process.once("SIGTERM", () => {
  void (async () => {
    await server.close();
    await engine.stop();
    store.close();
    await tools.dispatcher.close();
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
    process.exit(0);
  })();
});
