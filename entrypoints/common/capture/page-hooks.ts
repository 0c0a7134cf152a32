/**
 * Wraps the page's fetch and XMLHttpRequest so the bodies of TikTok's own API responses can be read, from a clone
 * and after the page has its answer. Everything on the capture side is wrapped in try/catch: whatever goes wrong
 * there, the page gets the original response (or the original error) exactly as without the extension.
 */

/** A response body as the page received it: text, or the object an XHR with responseType "json" parsed. */
export type OnBody = (url: string, body: string | object) => void;

/** Only tiktok.com API answers labelled JSON can carry posts; images, video and HTML are never read. */
export const mayCarryPosts = (url: string, contentType: string | null, base: string): boolean => {
  try {
    const parsed = new URL(url, base);
    return (
      /(^|\.)tiktok\.com$/u.test(parsed.hostname) &&
      parsed.pathname.startsWith("/api/") &&
      (contentType ?? "").includes("json")
    );
  } catch {
    return false;
  }
};

interface FetchScope {
  fetch: typeof fetch;
  location: { href: string };
}

export const wrapFetch = (scope: FetchScope, onBody: OnBody): void => {
  const original = scope.fetch;
  if (typeof original !== "function") return;
  const wrapped = function (this: unknown, ...args: Parameters<typeof fetch>): Promise<Response> {
    const pending = Reflect.apply(original, this, args) as Promise<Response>;
    try {
      // Registered before the page's own then(), so the body is cloned before the page can consume it.
      pending.then(
        (response) => {
          try {
            if (!mayCarryPosts(response.url, response.headers.get("content-type"), scope.location.href))
              return;
            response
              .clone()
              .text()
              .then((text) => onBody(response.url, text))
              .catch(() => undefined);
          } catch {
            // A body already used or an odd Response: not captured, the page is unaffected.
          }
        },
        () => undefined,
      );
    } catch {
      // Not a promise (a page that replaced fetch oddly): hand back what it returned.
    }
    return pending;
  };
  scope.fetch = wrapped as typeof fetch;
};

interface XhrScope {
  XMLHttpRequest?: typeof XMLHttpRequest;
  location: { href: string };
}

export const wrapXhr = (scope: XhrScope, onBody: OnBody): void => {
  const prototype = scope.XMLHttpRequest?.prototype;
  if (prototype === undefined) return;
  const { open, send } = prototype;
  const urls = new WeakMap<XMLHttpRequest, string>();
  const read = (request: XMLHttpRequest) => {
    try {
      const url = request.responseURL || urls.get(request) || "";
      if (!mayCarryPosts(url, request.getResponseHeader("content-type"), scope.location.href)) return;
      if (request.responseType === "" || request.responseType === "text") onBody(url, request.responseText);
      else if (
        request.responseType === "json" &&
        typeof request.response === "object" &&
        request.response !== null
      )
        onBody(url, request.response as object);
    } catch {
      // Not captured; the page has its response regardless.
    }
  };
  prototype.open = function (this: XMLHttpRequest, ...args: unknown[]) {
    try {
      urls.set(this, String(args[1]));
    } catch {
      // The URL is only a fallback for responseURL.
    }
    return Reflect.apply(open, this, args);
  } as typeof open;
  prototype.send = function (this: XMLHttpRequest, ...args: unknown[]) {
    try {
      this.addEventListener("load", () => read(this));
    } catch {
      // Not captured; send as usual.
    }
    return Reflect.apply(send, this, args);
  } as typeof send;
};
