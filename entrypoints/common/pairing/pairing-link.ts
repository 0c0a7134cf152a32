/** What a pairing link (`options.html?token=...`, optionally `&url=http://127.0.0.1:PORT`) asks for. */
export type PairingRequest = { token: string; baseUrl: string | null } | { error: string };

const TOKEN = /^[A-Za-z0-9_-]{16,256}$/u;

/** The companion listens on loopback only; any other address in a link is refused rather than trusted. */
export const parseCompanionUrl = (text: string): string | null => {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" || !["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) return null;
  if (url.pathname !== "/" || url.search !== "" || url.hash !== "" || url.username !== "") return null;
  return url.origin;
};

export const checkToken = (token: string): string | null =>
  TOKEN.test(token.trim())
    ? null
    : "That is not a companion token (it is the text in the token file that `start` names).";

/** The pairing request in a page address, or null when the address carries none. */
export const readPairingLink = (search: string): PairingRequest | null => {
  const params = new URLSearchParams(search);
  const token = params.get("token");
  if (token === null) return null;
  const bad = checkToken(token);
  if (bad !== null) return { error: bad };
  const url = params.get("url");
  if (url === null) return { token: token.trim(), baseUrl: null };
  const baseUrl = parseCompanionUrl(url);
  return baseUrl === null
    ? {
        error: `The pairing link names ${JSON.stringify(url)}; the companion only listens on http://127.0.0.1.`,
      }
    : { token: token.trim(), baseUrl };
};

/** The address without the token, so it does not linger in the address bar or the history. */
export const withoutPairing = (href: string): string => {
  const url = new URL(href);
  url.searchParams.delete("token");
  url.searchParams.delete("url");
  return url.toString();
};
