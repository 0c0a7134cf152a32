#!/usr/bin/env node
// Runs the bundle `npm ci` builds (companion/dist), which starts without compiling TypeScript. When a source file
// is newer than the bundle, it runs the sources through tsx instead, so a change is never masked by an old build.
import { BUNDLE_ENTRY, staleReason } from "./build/bundle-layout.js";

const stale =
  process.env.TIKTOK_HASHTAG_FROM_SOURCE === "1"
    ? "is bypassed (TIKTOK_HASHTAG_FROM_SOURCE=1)"
    : staleReason();
if (stale === null) {
  const { buildProgram, runCli } = await import(BUNDLE_ENTRY.href);
  await runCli(buildProgram());
} else {
  if (process.stderr.isTTY)
    process.stderr.write(
      `(running from source, slower to start: the CLI bundle in companion/dist ${stale})\n`,
    );
  const { register } = await import("tsx/esm/api");
  register();
  await import("./cli.ts");
}
