import { useState } from "preact/hooks";
import { parseHashtag } from "../../../shared/hashtag/hashtag.ts";
import { routeHash } from "../routing/hash-route.ts";
import { describeRun, formatInstant, type HashtagRow, type RunRow } from "./dashboard-model.ts";

/** What the front page can ask the companion to do; absent while the companion is not reachable. */
export interface FollowActions {
  follow(hashtag: string, schedule: string): Promise<void>;
  unfollow(hashtag: string): Promise<void>;
  setSchedule(hashtag: string, schedule: string): Promise<void>;
}

interface HomeViewProps {
  /** null while the mirror is being read. */
  hashtags: readonly HashtagRow[] | null;
  /** Newest first. */
  runs: readonly RunRow[];
  actions: FollowActions | null;
  /** e.g. "every 6h": what the schedule field starts with. */
  defaultSchedule: string;
}

const errorText = (reason: unknown): string => (reason instanceof Error ? reason.message : String(reason));

/** The front page: every hashtag in the mirror with its schedule, counts and last run, then the run history. */
export const HomeView = ({ hashtags, runs, actions, defaultSchedule }: HomeViewProps) => {
  const [newTag, setNewTag] = useState("");
  const [newSchedule, setNewSchedule] = useState(defaultSchedule);
  const [message, setMessage] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ hashtag: string; schedule: string } | null>(null);

  const act = async (what: () => Promise<void>, done: string) => {
    setMessage(null);
    try {
      await what();
      setMessage(done);
    } catch (reason) {
      setMessage(errorText(reason));
    }
  };

  const follow = (event: Event) => {
    event.preventDefault();
    const parsed = parseHashtag(newTag);
    if (!parsed.ok) return setMessage(parsed.error);
    if (!actions) return;
    void act(async () => {
      await actions.follow(parsed.hashtag, newSchedule);
      setNewTag("");
    }, `Following #${parsed.hashtag}`);
  };

  return (
    <main class="home-view">
      <h1>Followed hashtags</h1>
      {actions === null && (
        <p class="notice">
          The companion is not running (or this browser is not paired with it), so following and scheduling
          are off. Everything below is read from this browser's copy and works without it. Start it with{" "}
          <code>npx tiktok-hashtag-analysis start</code>.
        </p>
      )}
      <form class="follow" onSubmit={follow}>
        <label>
          Hashtag
          <input
            value={newTag}
            onInput={(event) => setNewTag(event.currentTarget.value)}
            placeholder="travel"
          />
        </label>
        <label>
          Schedule
          <input value={newSchedule} onInput={(event) => setNewSchedule(event.currentTarget.value)} />
        </label>
        <button type="submit" disabled={actions === null}>
          Follow
        </button>
      </form>
      <p role="status">{message ?? ""}</p>
      {hashtags === null ? (
        <p>Reading the mirror…</p>
      ) : hashtags.length === 0 ? (
        <p>No hashtags yet. Follow one above, or collect one from the popup on a TikTok tag page.</p>
      ) : (
        <table class="hashtags" data-testid="hashtags-table">
          <caption>Hashtags in this browser's copy of the database</caption>
          <thead>
            <tr>
              <th scope="col">Hashtag</th>
              <th scope="col">Schedule</th>
              <th scope="col">Posts</th>
              <th scope="col">Videos</th>
              <th scope="col">Last run</th>
              <th scope="col">Result</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {hashtags.map((row) => (
              <tr key={row.hashtag}>
                <th scope="row">
                  <a href={routeHash({ page: "hashtag", hashtag: row.hashtag })}>#{row.hashtag}</a>
                </th>
                <td>
                  {editing?.hashtag === row.hashtag ? (
                    <form
                      onSubmit={(event) => {
                        event.preventDefault();
                        if (!actions) return;
                        const { schedule } = editing;
                        void act(async () => {
                          await actions.setSchedule(row.hashtag, schedule);
                          setEditing(null);
                        }, `Saved the schedule of #${row.hashtag}`);
                      }}
                    >
                      <label>
                        New schedule for #{row.hashtag}
                        <input
                          value={editing.schedule}
                          onInput={(event) =>
                            setEditing({ hashtag: row.hashtag, schedule: event.currentTarget.value })
                          }
                        />
                      </label>
                      <button type="submit">Save</button>
                      <button type="button" onClick={() => setEditing(null)}>
                        Cancel
                      </button>
                    </form>
                  ) : (
                    (row.schedule ?? (row.followed ? "on demand" : "not followed"))
                  )}
                </td>
                <td>{row.posts.toLocaleString("en")}</td>
                <td>{row.videos.toLocaleString("en")}</td>
                <td>{formatInstant(row.lastRun?.finishedAt ?? row.lastRun?.startedAt ?? null)}</td>
                <td>{describeRun(row.lastRun)}</td>
                <td>
                  {row.followed ? (
                    <>
                      <button
                        type="button"
                        disabled={actions === null}
                        aria-label={`Change the schedule of #${row.hashtag}`}
                        onClick={() =>
                          setEditing({ hashtag: row.hashtag, schedule: row.schedule ?? defaultSchedule })
                        }
                      >
                        Schedule
                      </button>
                      <button
                        type="button"
                        disabled={actions === null}
                        aria-label={`Unfollow #${row.hashtag}`}
                        onClick={() =>
                          actions &&
                          act(() => actions.unfollow(row.hashtag), `Stopped following #${row.hashtag}`)
                        }
                      >
                        Unfollow
                      </button>
                    </>
                  ) : (
                    <button
                      type="button"
                      disabled={actions === null}
                      aria-label={`Follow #${row.hashtag}`}
                      onClick={() =>
                        actions &&
                        act(() => actions.follow(row.hashtag, defaultSchedule), `Following #${row.hashtag}`)
                      }
                    >
                      Follow
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Collection history</h2>
      {runs.length === 0 ? (
        <p>No collection runs yet.</p>
      ) : (
        <table class="runs" data-testid="runs-table">
          <caption>Collection runs, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Hashtag</th>
              <th scope="col">Started</th>
              <th scope="col">Finished</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.id}>
                <td>
                  <a href={routeHash({ page: "hashtag", hashtag: run.hashtag })}>#{run.hashtag}</a>
                </td>
                <td>{formatInstant(run.startedAt)}</td>
                <td>{formatInstant(run.finishedAt)}</td>
                <td>{describeRun(run)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
};
