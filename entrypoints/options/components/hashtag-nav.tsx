import { routeHash } from "../routing/hash-route.ts";

export type HashtagPage = "hashtag" | "network" | "trends" | "engagement";

const PAGES: readonly [HashtagPage, string][] = [
  ["hashtag", "Co-hashtags and posts"],
  ["network", "Network"],
  ["trends", "Trends"],
  ["engagement", "Engagement"],
];

/** The links between a hashtag's views, the current one marked for screen readers and styles. */
export const HashtagNav = ({ hashtag, current }: { hashtag: string; current: HashtagPage }) => (
  <nav aria-label={`Views of #${hashtag}`} class="hashtag-nav">
    <a href={routeHash({ page: "home" })}>← All hashtags</a>
    {PAGES.map(([page, label]) => (
      <a key={page} href={routeHash({ page, hashtag })} aria-current={page === current ? "page" : undefined}>
        {label}
      </a>
    ))}
  </nav>
);
