/** The hosts the fake answers for, and the URL shapes its corpus points at. */

export const WWW_HOST = "www.tiktok.com";
/** tiktok-scraper's mainHost; t.tiktok.com is its useTestEndpoints variant. */
export const MOBILE_HOSTS = ["m.tiktok.com", "t.tiktok.com"] as const;
export const VIDEO_CDN_HOST = "v16-webapp-prime.tiktok.com";
export const IMAGE_CDN_HOST = "p16-sign-va.tiktokcdn.com";
export const MUSIC_CDN_HOST = "sf16-ies-music-va.tiktokcdn.com";

export const WWW_ORIGIN = `https://${WWW_HOST}`;

/** Names the certificate is valid for. */
export const CERTIFICATE_NAMES = [
  "www.tiktok.com",
  "m.tiktok.com",
  "tiktok.com",
  "*.tiktok.com",
  "*.tiktokcdn.com",
  "*.tiktokcdn-us.com",
  "localhost",
] as const;

export type HostRole = "www" | "mobile" | "video-cdn" | "static-cdn" | "apex" | "unknown";

/** What a Host header (name only, lower case) is served as. The origin's own address counts as www. */
export const hostRole = (hostname: string): HostRole => {
  if (hostname === WWW_HOST || hostname === "127.0.0.1" || hostname === "localhost") return "www";
  if (hostname === "tiktok.com") return "apex";
  if ((MOBILE_HOSTS as readonly string[]).includes(hostname)) return "mobile";
  if (/^v\d+-webapp(?:-prime)?\.tiktok\.com$/u.test(hostname)) return "video-cdn";
  if (/\.tiktokcdn(?:-us)?\.com$/u.test(hostname)) return "static-cdn";
  return "unknown";
};

export const videoUrl = (postId: string, kind: "play" | "download"): string =>
  `https://${VIDEO_CDN_HOST}/video/tos/${postId}/${kind}.mp4?a=1988&mime_type=video_mp4`;

export const coverUrl = (postId: string, variant: "cover" | "origin" | "dynamic"): string =>
  `https://${IMAGE_CDN_HOST}/obj/tos-maliva-p-0068/${variant}-${postId}.jpeg`;

export const galleryImageUrl = (postId: string, index: number): string =>
  `https://${IMAGE_CDN_HOST}/tos-maliva-i-photomode-us/${postId}-${index}~tplv-photomode-image.jpeg`;

export const avatarUrl = (userId: string, size: number): string =>
  `https://${IMAGE_CDN_HOST}/tos-maliva-avt-0068/${userId}~c5_${size}x${size}.jpeg`;

export const musicUrl = (musicId: string): string => `https://${MUSIC_CDN_HOST}/obj/ies-music/${musicId}.mp3`;

/**
 * Chromium's --host-resolver-rules: every TikTok host to the fake's port, and everything else to nowhere, so
 * a page can never reach the real site or any other outside host. Loopback stays reachable for the
 * companion.
 */
export const hostResolverRules = (port: number): string =>
  [
    `MAP www.tiktok.com 127.0.0.1:${port}`,
    `MAP m.tiktok.com 127.0.0.1:${port}`,
    `MAP tiktok.com 127.0.0.1:${port}`,
    `MAP *.tiktok.com 127.0.0.1:${port}`,
    `MAP *.tiktokcdn.com 127.0.0.1:${port}`,
    `MAP *.tiktokcdn-us.com 127.0.0.1:${port}`,
    "MAP * ~NOTFOUND",
    "EXCLUDE localhost",
    "EXCLUDE 127.0.0.1",
  ].join(", ");
