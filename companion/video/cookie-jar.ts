import { parseCookie } from "undici";

/**
 * The parts of a cookie that decide where it is sent, in the convention puppeteer uses: a domain with a
 * leading dot covers its subdomains, one without is for that host only.
 */
export interface SessionCookie {
  name: string;
  value: string;
  domain: string;
  path?: string;
}

const matches = (host: string, { domain }: SessionCookie): boolean => {
  const lower = domain.toLowerCase();
  if (!lower.startsWith(".")) return host === lower;
  return host === lower.slice(1) || host.endsWith(lower);
};

/** The Cookie header a browser would send to `url` (RFC 6265 domain and path matching; later cookies win). */
export const cookieHeaderFor = (url: string, cookies: readonly SessionCookie[]): string => {
  const { hostname, pathname } = new URL(url);
  const chosen = new Map<string, string>();
  for (const cookie of cookies) {
    if (!matches(hostname.toLowerCase(), cookie)) continue;
    if (cookie.path && !pathname.startsWith(cookie.path)) continue;
    chosen.set(cookie.name, cookie.value);
  }
  return [...chosen].map(([name, value]) => `${name}=${value}`).join("; ");
};

/** Cookies from a response's Set-Cookie headers, as a browser would store them for `url`. */
export const cookiesFromSetCookie = (
  url: string,
  setCookie: string | string[] | undefined,
): SessionCookie[] => {
  const host = new URL(url).hostname.toLowerCase();
  return (Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []).flatMap((header) => {
    const cookie = parseCookie(header);
    if (!cookie) return [];
    const domain = cookie.domain ? `.${cookie.domain.replace(/^\./u, "")}` : host;
    return [{ name: cookie.name, value: cookie.value, domain, path: cookie.path }];
  });
};
