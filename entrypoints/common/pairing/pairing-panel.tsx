import { useEffect, useState } from "preact/hooks";
import type { ConnectionSettings } from "../companion/connection-settings.ts";
import { checkToken, parseCompanionUrl, readPairingLink, withoutPairing } from "./pairing-link.ts";

/** Where the panel keeps the pairing, and what it tells once paired; browser-free so it can be tested. */
export interface PairingStore {
  read: () => Promise<ConnectionSettings>;
  write: (change: Partial<ConnectionSettings>) => Promise<ConnectionSettings>;
  /** Asks the background to mirror at once (it also does so by itself when the token changes). */
  paired: () => void;
}

export interface PairingPanelProps {
  store: PairingStore;
  /** The page's address (`location.href`) and a way to replace it without the token. */
  href: string;
  replaceHref: (href: string) => void;
}

type Notice = { ok: boolean; text: string } | null;

/**
 * Pairs this browser with the companion: from the link `start` prints (`options.html?token=...`), or a token
 * pasted here (Firefox's ids are random, so its users paste the token from the token file).
 */
export const PairingPanel = ({ store, href, replaceHref }: PairingPanelProps) => {
  const [settings, setSettings] = useState<ConnectionSettings | null>(null);
  const [token, setToken] = useState("");
  const [address, setAddress] = useState("");
  const [notice, setNotice] = useState<Notice>(null);

  const save = async (change: Partial<ConnectionSettings>) => {
    const next = await store.write(change);
    setSettings(next);
    setAddress(next.baseUrl);
    store.paired();
    setNotice({ ok: true, text: `Paired with the companion at ${next.baseUrl}.` });
  };

  useEffect(() => {
    void (async () => {
      const current = await store.read();
      setSettings(current);
      setAddress(current.baseUrl);
      const link = readPairingLink(new URL(href).search);
      if (link === null) return;
      // The token leaves the address bar either way: it should not sit in history or a bookmark.
      replaceHref(withoutPairing(href));
      if ("error" in link) setNotice({ ok: false, text: link.error });
      else
        await save(
          link.baseUrl === null ? { token: link.token } : { token: link.token, baseUrl: link.baseUrl },
        );
    })();
  }, []);

  const submit = (event: Event) => {
    event.preventDefault();
    const badToken = checkToken(token);
    if (badToken !== null) return setNotice({ ok: false, text: badToken });
    const baseUrl = parseCompanionUrl(address.trim());
    if (baseUrl === null)
      return setNotice({
        ok: false,
        text: "The companion's address is http://127.0.0.1:<port> (17717 unless changed).",
      });
    setToken("");
    void save({ token: token.trim(), baseUrl });
  };

  return (
    <section aria-label="Pairing" class="pairing">
      <h2>Pairing</h2>
      <p>
        {settings === null
          ? "Reading the pairing…"
          : settings.token === null
            ? "Not paired yet: open the link `tiktok-hashtag-analysis start` printed, or paste the token below."
            : `This browser holds a token for the companion at ${settings.baseUrl}.`}
      </p>
      {notice !== null && (
        <p role={notice.ok ? "status" : "alert"} class={notice.ok ? "ok" : "error"}>
          {notice.text}
        </p>
      )}
      <form onSubmit={submit}>
        <label for="pairing-token">Token</label>
        <input
          id="pairing-token"
          type="password"
          autocomplete="off"
          value={token}
          onInput={(event) => setToken(event.currentTarget.value)}
        />
        <label for="pairing-address">Companion address</label>
        <input
          id="pairing-address"
          value={address}
          onInput={(event) => setAddress(event.currentTarget.value)}
        />
        <button type="submit">Pair</button>
      </form>
    </section>
  );
};
