import { randomBytes } from "node:crypto";
import { chmodSync, linkSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const TOKEN_FILE = "companion-token";

/** 256 random bits, URL-safe so the pairing link needs no escaping. */
const newToken = (): string => randomBytes(32).toString("base64url");

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22,}$/u;

/** Written under a temporary name with mode 0600 first, so no other user ever sees a readable token file. */
const writeTemp = (path: string, token: string): string => {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(temp, `${token}\n`, { mode: 0o600, flag: "wx" });
  return temp;
};

const readToken = (path: string): string | null => {
  let text: string;
  try {
    text = readFileSync(path, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  if (!TOKEN_PATTERN.test(text))
    throw new Error(`The token file ${path} is damaged; start with --new-token to replace it`);
  // Someone may have loosened it; the token is only as secret as the file.
  chmodSync(path, 0o600);
  return text;
};

/**
 * The pairing token in <dataDir>/companion-token: created on first use, reused afterwards, replaced when `renew`.
 * Creation links the finished temporary file into place, which fails if another companion won the race; then
 * that one's token is read, so both agree.
 */
export const loadToken = (dataDir: string, renew = false): { token: string; tokenFile: string } => {
  const tokenFile = join(dataDir, TOKEN_FILE);
  if (!renew) {
    const existing = readToken(tokenFile);
    if (existing !== null) return { token: existing, tokenFile };
  }
  const token = newToken();
  const temp = writeTemp(tokenFile, token);
  try {
    if (renew) renameSync(temp, tokenFile);
    else {
      try {
        linkSync(temp, tokenFile);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        const winner = readToken(tokenFile);
        if (winner !== null) return { token: winner, tokenFile };
        throw error;
      }
    }
  } finally {
    rmSync(temp, { force: true });
  }
  return { token, tokenFile };
};
