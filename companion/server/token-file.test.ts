import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadToken, TOKEN_FILE } from "./token-file.ts";

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "tha-token-"));
  folders.push(dir);
  return dir;
};

describe("the pairing token file", () => {
  it("is created with 256 random bits, mode 0600, and no temporary file left", () => {
    const dir = tempDir();
    const { token, tokenFile } = loadToken(dir);
    expect(tokenFile).toBe(join(dir, TOKEN_FILE));
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(tokenFile, "utf8")).toBe(`${token}\n`);
    expect(readdirSync(dir)).toEqual([TOKEN_FILE]);
  });

  it("is reused, and tightened back to 0600 if loosened", () => {
    const dir = tempDir();
    const first = loadToken(dir).token;
    chmodSync(join(dir, TOKEN_FILE), 0o644);
    expect(loadToken(dir).token).toBe(first);
    expect(statSync(join(dir, TOKEN_FILE)).mode & 0o777).toBe(0o600);
  });

  it("is replaced when renewed", () => {
    const dir = tempDir();
    const first = loadToken(dir).token;
    const second = loadToken(dir, true).token;
    expect(second).not.toBe(first);
    expect(loadToken(dir).token).toBe(second);
    expect(statSync(join(dir, TOKEN_FILE)).mode & 0o777).toBe(0o600);
  });

  it("differs between data folders", () => {
    expect(loadToken(tempDir()).token).not.toBe(loadToken(tempDir()).token);
  });

  it("refuses a damaged file rather than trusting a short token", () => {
    const dir = tempDir();
    writeFileSync(join(dir, TOKEN_FILE), "1234\n");
    expect(() => loadToken(dir)).toThrow(/is damaged; start with --new-token/);
    expect(loadToken(dir, true).token).toMatch(/^[\w-]{43}$/u);
  });
});
