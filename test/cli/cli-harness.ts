import { spawn } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const BIN = fileURLToPath(new URL("../../companion/bin.js", import.meta.url));
export const fixture = (...path: string[]): string =>
  fileURLToPath(new URL(["fixtures", ...path].join("/"), import.meta.url));
export const sharedFixture = (name: string): string =>
  fileURLToPath(new URL(`../../shared/post/fixtures/${name}`, import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  /** Run as this user (tests running as root need an unprivileged one to meet permission errors). */
  uid?: number;
  nodeOptions?: string[];
}

/** Runs the real CLI (`node companion/bin.js ...`) as a child process. */
export const runCli = (args: string[], options: RunOptions = {}): Promise<CliResult> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeOptions ?? []), BIN, ...args], {
      cwd: options.cwd,
      stdio: ["ignore", "pipe", "pipe"],
      // Another user would leave a compile cache of its own in the temp folder; it is not worth keeping.
      env: {
        ...process.env,
        NO_COLOR: "1",
        ...(options.uid === undefined ? {} : { TSX_DISABLE_CACHE: "1" }),
      },
      ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });

/** Temporary folders, removed by cleanup() (call it in afterAll). */
export const tempFolders = () => {
  const made: string[] = [];
  return {
    make(prefix = "tha-cli-"): string {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
    /** A copy of a fixture folder inside a fresh temp folder. */
    copy(source: string, name: string): string {
      const target = join(this.make(), name);
      cpSync(source, target, { recursive: true });
      return target;
    },
    cleanup(): void {
      for (const dir of made) {
        chmodSync(dir, 0o700);
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
};

/** The video the seed "downloaded" for the first #travel post of the seed-data fixture. */
export const SEED_VIDEO = {
  id: "6900000000000000001",
  bytes: Buffer.from("not really an mp4, but the bytes the seed left behind\n"),
};

/**
 * A copy of the seed-data fixture with its downloaded video in place. The video is written here because the
 * repository ignores *.mp4 files.
 */
export const seedFolder = (temp: ReturnType<typeof tempFolders>): string => {
  const root = temp.copy(fixture("seed-data"), "data");
  const videos = join(root, "travel", "videos");
  mkdirSync(videos, { recursive: true });
  writeFileSync(join(videos, `${SEED_VIDEO.id}.mp4`), SEED_VIDEO.bytes);
  return root;
};
