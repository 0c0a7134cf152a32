import { useEffect, useState } from "preact/hooks";
import type { Analyser } from "./analysis/analyser.ts";
import { type Route, routeHash } from "./routing/hash-route.ts";
import { useHashRoute } from "./routing/use-hash-route.ts";
import type { DashboardSource, MirrorSnapshot, PostsState } from "./views/dashboard-source.ts";
import { type EngagementSource, EngagementView } from "./views/engagement-view.tsx";
import { HashtagView } from "./views/hashtag-view.tsx";
import { type FollowActions, HomeView } from "./views/home-view.tsx";
import { NetworkView } from "./views/network-view.tsx";
import { TrendsView } from "./views/trends-view.tsx";

export interface AppProps {
  source: DashboardSource;
  analyser: Analyser;
  /** null while the companion is not reachable; "checking" until the page has first asked it. */
  companion: DashboardCompanion | null | "checking";
  defaultSchedule: string;
}

/** The options page: the front page or a hashtag's view, as the address says. */
/** What the dashboard asks of a running companion (everything else it reads from the mirror). */
export interface DashboardCompanion {
  actions: FollowActions;
  openVideo(postId: string): Promise<void>;
  /** The statistics' history, which only the companion keeps. */
  engagement: EngagementSource;
}

const pageTitle = (route: Route): string => {
  if (route.page === "home" || route.page === "not-found") return "TikTok Hashtag Analysis: Dashboard";
  const view = route.page === "hashtag" ? "" : ` ${route.page}`;
  return `#${route.hashtag}${view}: TikTok Hashtag Analysis`;
};

export const App = ({ source, analyser, companion: known, defaultSchedule }: AppProps) => {
  const companion = known === "checking" ? null : known;
  const route = useHashRoute();
  const [snapshot, setSnapshot] = useState<MirrorSnapshot | null>(null);
  const [posts, setPosts] = useState<PostsState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const onPage = route.page;
  const failed = (reason: Error) =>
    setError(`Could not read this browser's copy of the database: ${reason.message}`);
  // Each page watches only what it shows: the front page's counts read every hashtag's links.
  useEffect(() => {
    if (onPage !== "home") return;
    return source.watch((next) => {
      setSnapshot(next);
      setError(null);
    }, failed);
  }, [source, onPage]);
  useEffect(() => {
    if (onPage === "home" || onPage === "not-found") return;
    return source.watchPosts(setPosts, failed);
  }, [source, onPage]);

  useEffect(() => {
    document.title = pageTitle(route);
  }, [route]);

  return (
    <>
      {error !== null && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {route.page === "home" && (
        <HomeView
          hashtags={snapshot?.hashtags ?? null}
          runs={snapshot?.runs ?? []}
          actions={companion?.actions ?? null}
          defaultSchedule={defaultSchedule}
        />
      )}
      {route.page === "hashtag" &&
        (posts === null ? (
          <p>Reading the mirror…</p>
        ) : (
          <HashtagView
            hashtag={route.hashtag}
            coHashtag={route.coHashtag}
            analyser={analyser}
            version={posts.version}
            videoPostIds={posts.videoPostIds}
            openVideo={companion?.openVideo}
          />
        ))}
      {route.page === "network" &&
        (posts === null ? (
          <p>Reading the mirror…</p>
        ) : (
          <NetworkView hashtag={route.hashtag} analyser={analyser} version={posts.version} />
        ))}
      {route.page === "trends" &&
        (posts === null ? (
          <p>Reading the mirror…</p>
        ) : (
          <TrendsView hashtag={route.hashtag} analyser={analyser} version={posts.version} />
        ))}
      {route.page === "engagement" && (
        <EngagementView
          hashtag={route.hashtag}
          postId={route.postId}
          source={known === "checking" ? "checking" : (companion?.engagement ?? null)}
        />
      )}
      {route.page === "not-found" && (
        <main>
          <h1>Page not found</h1>
          <p>
            {route.reason}: <code>{route.hash}</code>
          </p>
          <a href={routeHash({ page: "home" })}>Back to the dashboard</a>
        </main>
      )}
    </>
  );
};
