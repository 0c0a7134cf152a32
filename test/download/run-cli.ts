import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../../companion/bin.js", import.meta.url));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliProcess {
  result: Promise<CliResult>;
  stdout: () => string;
  kill: (signal: NodeJS.Signals) => void;
}

/**
 * The real CLI in a child process (asynchronously: the fake it talks to runs in this process and must keep
 * serving).
 */
export const startCli = (args: string[], env: NodeJS.ProcessEnv = {}): CliProcess => {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: "pipe" });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += String(chunk)));
  child.stderr.on("data", (chunk) => (stderr += String(chunk)));
  const result = new Promise<CliResult>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { result, stdout: () => stdout, kill: (signal) => child.kill(signal) };
};

export const runCli = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> =>
  startCli(args, env).result;

export const lines = (text: string): string[] => text.split("\n").filter((line) => line !== "");

/** Polls until `check` returns a value, or fails after `timeoutMs`. */
export const waitFor = async <T>(
  check: () => Promise<T | null> | T | null,
  timeoutMs: number,
  what: string,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};
