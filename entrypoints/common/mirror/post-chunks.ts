import Dexie from "dexie";
import { DayTally, type HashtagDayCounts } from "./hashtag-days.ts";
import type { MirrorPost, MirrorTables } from "./mirror-db.ts";

/**
 * The mirror keeps posts in chunks: one IndexedDB record per write (a sync page, a capture), each holding many
 * posts with the hashtags each was collected for. Chromium spends about 0.2 ms per record put whatever its size,
 * so 100k posts as 100k post records and 100k link records took over a minute; as 100 chunks they take a fraction
 * of a second. A post written again lands in a newer chunk: the newest copy (highest chunk seq) is the post, older
 * copies are superseded. This module is the only one that knows that layout.
 */
export interface ChunkEntry {
  id: string;
  /** Null only for a link that arrived for a post the mirror never received (counted as undated, untagged). */
  post: MirrorPost | null;
  /** The hashtags the post was collected for (the store's post_hashtags), not the ones it carries. */
  linkedTo: string[];
}

/**
 * A chunk as stored: its entries as one JSON string. IndexedDB structured-clones what it stores, and cloning one
 * string is a copy while cloning 10k posts' objects and small strings took ~0.3 s a page in Chromium's
 * background worker (most of the sync's time); JSON.stringify and JSON.parse of the same posts are a fraction.
 */
export interface PostChunk {
  /** Auto-incremented: a later write always has a higher seq, so the highest seq holding an id is its newest. */
  seq?: number;
  /** JSON of the chunk's ChunkEntry[]: read it with entriesOf. */
  entries: string;
}

/**
 * A chunk to store holding `entries`. `postTexts`, where given, are entries' posts as JSON text already (a sync
 * page's post lines as they came): they are spliced in as they are, since serialising 10k posts again took the
 * background ~0.1 s a page and most of its garbage.
 */
export const chunkOf = (
  entries: readonly ChunkEntry[],
  postTexts?: ReadonlyArray<string | undefined>,
): PostChunk => {
  if (postTexts === undefined) return { entries: JSON.stringify(entries) };
  const parts = entries.map(
    (entry, index) =>
      `{"id":${JSON.stringify(entry.id)},"post":${postTexts[index] ?? JSON.stringify(entry.post)},"linkedTo":${JSON.stringify(entry.linkedTo)}}`,
  );
  return { entries: `[${parts.join(",")}]` };
};

/** The entries a stored chunk holds. */
export const entriesOf = (chunk: PostChunk): ChunkEntry[] => {
  try {
    return JSON.parse(chunk.entries) as ChunkEntry[];
  } catch (error) {
    throw new Error(`The mirror's chunk ${chunk.seq ?? "(unsaved)"} does not hold JSON`, { cause: error });
  }
};

/** The ids of a chunk, stored apart so finding a post's chunk reads a few kB per chunk, not its posts. */
export interface ChunkIds {
  seq: number;
  ids: string[];
}

export type ChunkTables = Pick<MirrorTables, "chunks" | "chunkIds" | "dayCounts">;

/** One post to write: a new copy of it (or, absent, the stored one kept) and hashtags it was collected for. */
export interface PostWrite {
  id: string;
  post?: MirrorPost;
  /** `post` as JSON text, when the caller has it (as received): the chunk holds this text, parsed it is `post`. */
  postText?: string;
  linkTo: readonly string[];
}

/** Where each post's newest copy is and how many newest copies each chunk still holds. */
interface Directory {
  /** Every chunk seq up to this one is in the maps below. */
  upTo: number;
  newest: Map<string, number>;
  live: Map<number, number>;
  /**
   * The day-count records this writer last wrote, so a 10-page sync does not read a hashtag's record back each
   * page; forgotten whenever a chunk it did not write appears (another connection wrote, day counts included).
   */
  dayCounts: Map<string, HashtagDayCounts | undefined>;
}

/**
 * A writer's directory, kept between its writes so a 100-page sync does not read 100k ids per page: each write
 * first reads only the chunks stored after `upTo` (by another writer or a restarted worker). Dropped when a
 * write's transaction fails, since it was updated as the write went.
 */
const directories = new WeakMap<object, Directory>();

const addChunkIds = (directory: Directory, chunks: readonly ChunkIds[]): void => {
  for (const { seq, ids } of chunks) {
    for (const id of ids) {
      const before = directory.newest.get(id);
      if (before !== undefined && before > seq) continue;
      if (before !== undefined) directory.live.set(before, (directory.live.get(before) ?? 1) - 1);
      directory.newest.set(id, seq);
      directory.live.set(seq, (directory.live.get(seq) ?? 0) + 1);
    }
    if (seq > directory.upTo) directory.upTo = seq;
  }
};

const readDirectory = async (
  tables: Pick<MirrorTables, "chunkIds">,
  from?: Directory,
): Promise<Directory> => {
  const directory = from ?? { upTo: 0, newest: new Map(), live: new Map(), dayCounts: new Map() };
  const unseen = await tables.chunkIds.where("seq").above(directory.upTo).toArray();
  if (unseen.length > 0) directory.dayCounts.clear();
  addChunkIds(directory, unseen);
  return directory;
};

/** The chunks holding the newest copies of `ids`, read in one request; undefined for ids never stored. */
const newestCopies = async (
  tables: Pick<MirrorTables, "chunks">,
  directory: Directory,
  ids: readonly string[],
): Promise<{ copies: Array<ChunkEntry | undefined>; chunks: Map<number, ChunkEntry[]> }> => {
  const seqs = [...new Set(ids.flatMap((id) => directory.newest.get(id) ?? []))];
  const found = await tables.chunks.bulkGet(seqs);
  const chunks = new Map<number, ChunkEntry[]>();
  const bySeq = new Map<number, Map<string, ChunkEntry>>();
  seqs.forEach((seq, index) => {
    const chunk = found[index];
    if (chunk === undefined) return;
    const entries = entriesOf(chunk);
    chunks.set(seq, entries);
    bySeq.set(seq, new Map(entries.map((entry) => [entry.id, entry])));
  });
  const copies = ids.map((id) => {
    const seq = directory.newest.get(id);
    return seq === undefined ? undefined : bySeq.get(seq)?.get(id);
  });
  return { copies, chunks };
};

const countIn = (tally: DayTally, entry: ChunkEntry, sign: 1 | -1): void => {
  for (const hashtag of entry.linkedTo)
    tally.add(
      { hashtag, createTime: entry.post?.createTime ?? null, tags: entry.post?.hashtags ?? [] },
      sign,
    );
};

const dropOnFailure = (key: object): void => {
  const transaction = Dexie.currentTransaction;
  if (transaction === null || transaction === undefined)
    throw new Error("writePosts runs inside a read-write transaction over chunks, chunkIds and dayCounts");
  const drop = () => directories.delete(key);
  transaction.on("abort", drop);
  transaction.on("error", drop);
};

type Merged = Map<string, { post?: MirrorPost; postText?: string; linkTo: Set<string> }>;

/** A post named twice in one write is merged: its last copy and every hashtag named. */
const mergeWrites = (writes: readonly PostWrite[]): Merged => {
  const merged: Merged = new Map();
  for (const write of writes) {
    const entry = merged.get(write.id) ?? { linkTo: new Set<string>() };
    if (write.post !== undefined) {
      entry.post = write.post;
      entry.postText = write.postText;
    }
    for (const hashtag of write.linkTo) entry.linkTo.add(hashtag);
    merged.set(write.id, entry);
  }
  return merged;
};

/** The entries to write (each post's copy before it merged in) and the day counts they change. */
const entriesAfter = (
  merged: Merged,
  copies: ReadonlyArray<ChunkEntry | undefined>,
): { entries: ChunkEntry[]; tally: DayTally } => {
  const tally = new DayTally();
  const entries = [...merged].map(([id, write], index): ChunkEntry => {
    const before = copies[index];
    const entry = {
      id,
      post: write.post ?? before?.post ?? null,
      linkedTo:
        before === undefined ? [...write.linkTo] : [...new Set([...before.linkedTo, ...write.linkTo])],
    };
    if (before !== undefined) countIn(tally, before, -1);
    countIn(tally, entry, 1);
    return entry;
  });
  return { entries, tally };
};

/**
 * A write with its CPU work (entries, day tally, the chunk's JSON) done before its transaction, so a sync can do
 * it while the browser commits the page before. That work assumes none of the posts is in the mirror yet; the
 * transaction checks this against the chunks then stored and does the work again when it does not hold.
 */
export interface PreparedWrite {
  readonly writes: readonly PostWrite[];
  readonly fresh?: { ids: string[]; entries: ChunkEntry[]; tally: DayTally; chunk: PostChunk };
}

export const preparePosts = (tables: ChunkTables, writes: readonly PostWrite[]): PreparedWrite => {
  const merged = mergeWrites(writes);
  const ids = [...merged.keys()];
  const known = directories.get(tables.chunks.db);
  // A post already known to be stored is merged with its stored copy, read inside the transaction.
  if (known !== undefined && ids.some((id) => known.newest.has(id))) return { writes };
  const { entries, tally } = entriesAfter(merged, []);
  // New posts only: each entry's post is its write's, so the write's text is the entry's post as JSON.
  const texts = [...merged.values()].map((write) => write.postText);
  const chunk = chunkOf(entries, texts.some((text) => text !== undefined) ? texts : undefined);
  return { writes, fresh: { ids, entries, tally, chunk } };
};

/**
 * Writes new copies of posts as one chunk and keeps each hashtag's day counts in step: a post stored before is
 * counted out with its old copy, then in with the new one (its hashtags the old ones plus `linkTo`: links are
 * never removed). Chunks left mostly superseded have their remaining copies moved into the new chunk and are
 * deleted, so the mirror does not grow with every re-sent post. Run it inside a read-write transaction over
 * chunks, chunkIds and dayCounts (Dexie refuses otherwise). Returns each write's copy before it (undefined:
 * new to the mirror), in order.
 */
export const writePosts = async (
  tables: ChunkTables,
  input: readonly PostWrite[] | PreparedWrite,
): Promise<Array<ChunkEntry | undefined>> => {
  const key = tables.chunks.db;
  dropOnFailure(key);
  const directory = await readDirectory(tables, directories.get(key));
  directories.set(key, directory);
  const prepared = "writes" in input ? input : undefined;
  const writes = prepared?.writes ?? (input as readonly PostWrite[]);
  const fresh = prepared?.fresh;
  if (fresh !== undefined && !fresh.ids.some((id) => directory.newest.has(id))) {
    await storeChunk(tables, directory, fresh.chunk, fresh.entries, fresh.tally, []);
    return writes.map(() => undefined);
  }
  const merged = mergeWrites(writes);
  const ids = [...merged.keys()];
  const { copies, chunks } = await newestCopies(tables, directory, ids);
  const { entries, tally } = entriesAfter(merged, copies);
  const byIdBefore = new Map(ids.map((id, index) => [id, copies[index]]));
  // The chunks this write supersedes copies in: those left holding under half their entries are folded in.
  const written = new Set(ids);
  const folded: number[] = [];
  for (const [seq, held] of chunks) {
    const superseded = ids.filter((id) => directory.newest.get(id) === seq).length;
    const live = (directory.live.get(seq) ?? 0) - superseded;
    if (live * 2 >= held.length) continue;
    folded.push(seq);
    for (const entry of held)
      if (!written.has(entry.id) && directory.newest.get(entry.id) === seq) {
        entries.push(entry);
        written.add(entry.id);
      }
  }
  await storeChunk(tables, directory, chunkOf(entries), entries, tally, folded);
  return writes.map((write) => byIdBefore.get(write.id));
};

/** Stores a chunk, its ids and the day counts `tally` changes, deletes the chunks folded into it. */
const storeChunk = async (
  tables: ChunkTables,
  directory: Directory,
  chunk: PostChunk,
  entries: readonly ChunkEntry[],
  tally: DayTally,
  folded: readonly number[],
): Promise<void> => {
  // Both requests go out at once: a transaction runs them in order, without a round trip between.
  const hashtags = tally.hashtags();
  const unknown = hashtags.filter((hashtag) => !directory.dayCounts.has(hashtag));
  const [seq, read] = await Promise.all([
    tables.chunks.add(chunk),
    unknown.length > 0 ? tables.dayCounts.bulkGet(unknown) : [],
  ]);
  for (const [index, hashtag] of unknown.entries()) directory.dayCounts.set(hashtag, read[index]);
  const days = tally.applyToHashtags(hashtags.map((hashtag) => directory.dayCounts.get(hashtag)));
  const ids = entries.map((entry) => entry.id);
  await Promise.all([
    tables.chunkIds.put({ seq, ids }),
    folded.length > 0 ? tables.chunks.bulkDelete([...folded]) : undefined,
    folded.length > 0 ? tables.chunkIds.bulkDelete([...folded]) : undefined,
    tables.dayCounts.bulkPut(days.put),
    days.remove.length > 0 ? tables.dayCounts.bulkDelete(days.remove) : undefined,
  ]);
  addChunkIds(directory, [{ seq, ids }]);
  for (const record of days.put) directory.dayCounts.set(record.hashtag, record);
  for (const hashtag of days.remove) directory.dayCounts.set(hashtag, undefined);
  for (const old of folded) directory.live.delete(old);
};

/** The newest copy of each post, newest chunk first (each chunk's entries in written order). */
export const readNewestEntries = async (tables: Pick<MirrorTables, "chunks">): Promise<ChunkEntry[]> => {
  const chunks = await tables.chunks.toArray();
  const seen = new Set<string>();
  const entries: ChunkEntry[] = [];
  for (let index = chunks.length - 1; index >= 0; index -= 1)
    for (const entry of entriesOf(chunks[index] as PostChunk)) {
      if (seen.has(entry.id)) continue;
      seen.add(entry.id);
      entries.push(entry);
    }
  return entries;
};

/** The newest copies of the posts collected for `hashtag`. */
export const readEntriesLinkedTo = async (
  tables: Pick<MirrorTables, "chunks">,
  hashtag: string,
): Promise<ChunkEntry[]> =>
  (await readNewestEntries(tables)).filter((entry) => entry.linkedTo.includes(hashtag));

/** The newest copies of `ids` (undefined for ids the mirror does not hold), in order. */
export const readEntries = async (
  tables: Pick<MirrorTables, "chunks" | "chunkIds">,
  ids: readonly string[],
): Promise<Array<ChunkEntry | undefined>> =>
  (await newestCopies(tables, await readDirectory(tables), ids)).copies;

/**
 * The v4 mirror's posts and links as chunks of `size` posts (the schema upgrade), with each chunk's ids: each
 * post with the hashtags it was linked to, and a link whose post is missing kept with no post, as version 4
 * counted it.
 */
export const chunksOf = (
  posts: readonly MirrorPost[],
  links: ReadonlyArray<{ hashtag: string; postId: string }>,
  size = 1000,
): Array<{ chunk: PostChunk; ids: string[] }> => {
  const linkedTo = new Map<string, string[]>();
  for (const link of links) {
    const hashtags = linkedTo.get(link.postId) ?? [];
    hashtags.push(link.hashtag);
    linkedTo.set(link.postId, hashtags);
  }
  const entries: ChunkEntry[] = posts.map((post) => ({
    id: post.id,
    post,
    linkedTo: linkedTo.get(post.id) ?? [],
  }));
  const held = new Set(posts.map((post) => post.id));
  for (const [id, hashtags] of linkedTo)
    if (!held.has(id)) entries.push({ id, post: null, linkedTo: hashtags });
  const chunks: Array<{ chunk: PostChunk; ids: string[] }> = [];
  for (let start = 0; start < entries.length; start += size) {
    const part = entries.slice(start, start + size);
    chunks.push({ chunk: chunkOf(part), ids: part.map((entry) => entry.id) });
  }
  return chunks;
};
