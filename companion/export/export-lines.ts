import type { CaptureContext } from "../../shared/api/contract.ts";
import { postCsvHeader, postCsvLine } from "../../shared/export/post-csv.ts";
import { toZeeschuimerLine } from "../../shared/export/zeeschuimer-ndjson.ts";
import type { Post } from "../../shared/post/post.ts";
import type { CompanionStore, TimeRange } from "../store/post-store.ts";
import type { ExportFormat } from "./export-formats.ts";

/**
 * The export of a hashtag's posts, chunk by chunk, oldest first: memory stays flat however many posts there are.
 * csv: 4CAT's TikTok columns; ndjson: Zeeschuimer's line format; json: a list of Post objects (raw included,
 * so `import` reads it back losslessly).
 */
export const exportLines = (
  store: CompanionStore,
  hashtag: string,
  format: ExportFormat,
  range: TimeRange = {},
  onPost: (post: Post) => void = () => {},
): Generator<string> =>
  linesOf(
    // CSV's columns come from the model alone: its raw is neither read nor unpacked.
    store.postsForHashtagWithLastSeen(hashtag, range, { raw: format !== "csv" }),
    format,
    { hashtag },
    onPost,
  );

/** The same export of the posts captured in a context (a profile, a search, the feed), by post id. */
export const contextExportLines = (
  store: CompanionStore,
  context: CaptureContext,
  format: ExportFormat,
  onPost: (post: Post) => void = () => {},
): Generator<string> =>
  linesOf(
    withLastSeen(store, store.postsInContext(context), format),
    format,
    { platformUrl: contextPageUrl(context) },
    onPost,
  );

/** A post and when it was last seen: NDJSON's collection time for a post whose source does not say. */
interface Seen {
  post: Post;
  lastSeen?: string;
}

/** Looks up each post's last sighting only for NDJSON, the one format that writes it. */
function* withLastSeen(store: CompanionStore, posts: Iterable<Post>, format: ExportFormat): Generator<Seen> {
  for (const post of posts)
    yield { post, lastSeen: format === "ndjson" ? store.postTimes(post.id)?.lastSeen : undefined };
}

/** The TikTok page a capture context names: where its posts were loaded. */
export const contextPageUrl = (context: CaptureContext): string =>
  context.kind === "profile"
    ? `https://www.tiktok.com/@${context.value}`
    : context.kind === "search"
      ? `https://www.tiktok.com/search?q=${encodeURIComponent(context.value)}`
      : "https://www.tiktok.com/foryou";

function* linesOf(
  posts: Iterable<Seen>,
  format: ExportFormat,
  page: { hashtag: string } | { platformUrl: string },
  onPost: (post: Post) => void,
): Generator<string> {
  if (format === "csv") yield postCsvHeader();
  if (format === "json") yield "[";
  let first = true;
  for (const { post, lastSeen } of posts) {
    onPost(post);
    if (format === "csv") yield postCsvLine(post);
    else if (format === "json") yield `${first ? "\n" : ",\n"}${JSON.stringify(post)}`;
    else yield toZeeschuimerLine(post, { ...page, collectedAt: lastSeen ?? new Date(0).toISOString() });
    first = false;
  }
  if (format === "json") yield "\n]\n";
}
