import Database from "better-sqlite3";
import type { HashtagCounts } from "../../shared/analysis/hashtag-frequencies.ts";
import type { CaptureContext } from "../../shared/api/contract.ts";
import { requireHashtag } from "../../shared/hashtag/hashtag.ts";
import type { Post, PostStats } from "../../shared/post/post.ts";
import { type AnalysisQueries, analysisQueries } from "./analysis-queries.ts";
import { type BulkWrites, bulkWrites } from "./bulk-writes.ts";
import { coOccurrenceCounts } from "./co-occurrence-counts.ts";
import { type EngineTables, engineTables } from "./engine-tables.ts";
import { migrate, schemaVersion } from "./migrate.ts";
import { PACKED_JSON_MIGRATION } from "./packed-json-migration.ts";
import { assertInside, databasePath } from "./paths.ts";
import { type ContextSummary, postContextsTable } from "./post-contexts.ts";
import { POST_COLUMNS, postFromRow, type StoredPostRow } from "./post-row.ts";
import type {
  CollectionRun,
  CompanionStore,
  HashtagSummary,
  PackedPost,
  StatsSnapshot,
  StoredVideo,
  TimeRange,
  UpsertOptions,
  UpsertSummary,
} from "./post-store.ts";
import { registerMigrationFunctions } from "./raw-column-migration.ts";
import { runsTable } from "./runs-table.ts";
import { MIGRATIONS, UNDATED } from "./schema.ts";
import { isoTime, sortTime, timeBounds } from "./time-bounds.ts";
import { createUpsert } from "./upsert-posts.ts";
import { videosTable } from "./videos-table.ts";

/** How long a writer waits for another process's write transaction before giving up. */
export const BUSY_TIMEOUT_MS = 30_000;
const PAGE_SIZE = 500;
/** cache_size during a bulk write: negative is KiB (32 MB). */
const BULK_CACHE_SIZE = -32_768;

class SqliteStore implements CompanionStore {
  private writersMade?: { bulk: BulkWrites; upsert: ReturnType<typeof createUpsert> };
  private readonly runLog: ReturnType<typeof runsTable>;
  private readonly videos: ReturnType<typeof videosTable>;
  private readonly aggregate: ReturnType<typeof coOccurrenceCounts>;
  private readonly contexts: ReturnType<typeof postContextsTable>;
  readonly engine: EngineTables;
  readonly analysis: AnalysisQueries;
  /** Prepared once: export asks for every post's times, and preparing cost more than the lookup itself. */
  private readonly times: Database.Statement<[string], { firstSeen: string; lastSeen: string }>;

  constructor(
    readonly dataDir: string,
    private readonly db: Database.Database,
  ) {
    this.runLog = runsTable(db);
    this.videos = videosTable(db, dataDir);
    this.aggregate = coOccurrenceCounts(db);
    this.contexts = postContextsTable(db);
    this.engine = engineTables(db);
    this.analysis = analysisQueries(db);
    this.times = db.prepare("SELECT first_seen AS firstSeen, last_seen AS lastSeen FROM posts WHERE id = ?");
  }

  /**
   * The writers' statements and temp tables, made on first use: a read-only command such as frequencies never
   * writes, and making them cost ~10 ms of its open. Always outside a transaction (every writing method asks for
   * them before it opens one), so a rollback never drops the temp tables from under the statements.
   */
  private writers(): { bulk: BulkWrites; upsert: ReturnType<typeof createUpsert> } {
    if (!this.writersMade) {
      if (this.db.inTransaction) throw new Error("the store's writers must be made outside a transaction");
      const bulk = bulkWrites(this.db);
      this.writersMade = { bulk, upsert: createUpsert(this.db, bulk) };
    }
    return this.writersMade;
  }

  private get bulk(): BulkWrites {
    return this.writers().bulk;
  }

  private get upsert(): ReturnType<typeof createUpsert> {
    return this.writers().upsert;
  }

  startRun(hashtag: string, source: string): number {
    return this.runLog.startRun(hashtag, source);
  }

  finishRun(runId: number, result: { postsNew: number; postsSeen: number; error?: string | null }): void {
    this.runLog.finishRun(runId, result);
  }

  runs(hashtag?: string): CollectionRun[] {
    return this.runLog.runs(hashtag);
  }

  leastRecentlyCollected(hashtags: string[]): string[] {
    return this.runLog.leastRecentlyCollected(hashtags);
  }

  postsWithoutVideo(hashtag: string): Post[] {
    return this.videos.postsWithoutVideo(hashtag);
  }

  recordVideo(video: StoredVideo): void {
    this.videos.recordVideo(video);
  }

  videoFor(postId: string): StoredVideo | undefined {
    return this.videos.videoFor(postId);
  }

  close(): void {
    this.db.close();
  }

  async atomically<T>(work: () => Promise<T>): Promise<T> {
    if (this.db.inTransaction) throw new Error("atomically() cannot be nested");
    this.writers();
    this.db.exec("BEGIN IMMEDIATE");
    try {
      const result = await work();
      this.db.exec("COMMIT");
      return result;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec("ROLLBACK");
      throw error;
    }
  }

  async atomicallyInBulk<T>(work: () => Promise<T>): Promise<T> {
    // A file is one long transaction: with the default 2 MB page cache its dirty pages spill to the WAL before
    // COMMIT and are written again as later posts change them. 32 MB for this transaction only (peak RSS +15 MB).
    const cacheSize = this.db.pragma("cache_size", { simple: true }) as number;
    this.db.pragma(`cache_size = ${BULK_CACHE_SIZE}`);
    try {
      return await this.atomically(async () => {
        this.bulk.begin();
        try {
          const result = await work();
          this.bulk.finish();
          return result;
        } catch (error) {
          this.bulk.abandon();
          throw error;
        }
      });
    } finally {
      this.db.pragma(`cache_size = ${cacheSize}`);
    }
  }

  upsertPosts(hashtag: string, posts: Post[], options?: UpsertOptions): UpsertSummary {
    // IMMEDIATE: a deferred transaction that reads first cannot wait for another writer, it fails with BUSY.
    return this.upsert.immediate(hashtag, posts, options);
  }

  upsertPackedPosts(hashtag: string, posts: PackedPost[], options?: UpsertOptions): UpsertSummary {
    return this.upsert.packed.immediate(hashtag, posts, options);
  }

  upsertCapturedPosts(context: CaptureContext, posts: Post[], options: UpsertOptions = {}): UpsertSummary {
    const seenAt = isoTime(options.seenAt) ?? new Date().toISOString();
    const upsert = this.upsert;
    return this.db
      .transaction(() => {
        const summary = upsert(null, posts, { ...options, seenAt });
        this.contexts.record(
          context,
          posts.map((post) => post.id),
          seenAt,
        );
        return summary;
      })
      .immediate();
  }

  captureContexts(): ContextSummary[] {
    return this.contexts.contexts();
  }

  contextsOf(postId: string): CaptureContext[] {
    return this.contexts.contextsOf(postId);
  }

  postsInContext(context: CaptureContext): IterableIterator<Post> {
    return this.contexts.postsIn(context);
  }

  *postsForHashtag(hashtag: string, range?: TimeRange): IterableIterator<Post> {
    for (const row of this.hashtagRows(hashtag, range)) yield postFromRow(row);
  }

  *postsForHashtagWithLastSeen(
    hashtag: string,
    range?: TimeRange,
    options: { raw?: boolean } = {},
  ): IterableIterator<{ post: Post; lastSeen: string }> {
    for (const row of this.hashtagRows(hashtag, range, options.raw ?? true))
      yield { post: postFromRow(row), lastSeen: row.lastSeen };
  }

  /** Pages by (sort_time, id) rather than holding a cursor open, so callers may query the store meanwhile. */
  private *hashtagRows(
    hashtag: string,
    range?: TimeRange,
    withRaw = true,
  ): IterableIterator<StoredPostRow & { t: number; id: string; lastSeen: string }> {
    const { low, high } = timeBounds(range);
    const page = this.db.prepare<
      [string, number, number, number, string, number],
      StoredPostRow & { t: number; id: string; lastSeen: string }
    >(
      // Without raw its blob's overflow pages are not even read.
      `SELECT p.json, ${withRaw ? "p.raw" : "NULL AS raw"}, p.last_seen AS lastSeen, h.sort_time AS t, h.post_id AS id
       FROM post_hashtags h JOIN posts p ON p.id = h.post_id
       WHERE h.hashtag = ? AND h.sort_time BETWEEN ? AND ? AND (h.sort_time, h.post_id) > (?, ?)
       ORDER BY h.sort_time, h.post_id LIMIT ?`,
    );
    let after = { t: Number.MIN_SAFE_INTEGER, id: "" };
    for (;;) {
      const rows = page.all(hashtag, low, high, after.t, after.id, PAGE_SIZE);
      yield* rows;
      const last = rows.at(-1);
      if (!last || rows.length < PAGE_SIZE) return;
      after = last;
    }
  }

  /**
   * Newest first, undated last: the dated links, then the undated ones, each read in the links' key order (backwards)
   * with no sort, and only the page's posts joined (a 1M-post hashtag: 1-141 ms a page against 10-20 s when all its
   * posts were joined and sorted).
   */
  postsPage(hashtag: string, page: { limit: number; offset: number }): Post[] {
    const rows = (sql: string, ...params: (string | number)[]) =>
      this.db
        .prepare<(string | number)[], StoredPostRow>(
          `SELECT p.json, p.raw FROM (SELECT post_id, sort_time FROM post_hashtags ${sql}) h
           JOIN posts p ON p.id = h.post_id ORDER BY h.sort_time DESC, h.post_id DESC`,
        )
        .all(...params);
    return this.db
      .transaction(() => {
        const dated = rows(
          "WHERE hashtag = ? AND sort_time <> ? ORDER BY sort_time DESC, post_id DESC LIMIT ? OFFSET ?",
          hashtag,
          UNDATED,
          page.limit,
          page.offset,
        );
        if (dated.length === page.limit) return dated;
        // Past the dated posts, the offset counts on among the undated ones.
        const skip =
          dated.length > 0
            ? 0
            : page.offset -
              (this.db
                .prepare<[string, number], number>(
                  "SELECT COUNT(*) FROM post_hashtags WHERE hashtag = ? AND sort_time <> ?",
                )
                .pluck()
                .get(hashtag, UNDATED) ?? 0);
        const undated = rows(
          "WHERE hashtag = ? AND sort_time = ? ORDER BY post_id DESC LIMIT ? OFFSET ?",
          hashtag,
          UNDATED,
          page.limit - dated.length,
          skip,
        );
        return [...dated, ...undated];
      })()
      .map(postFromRow);
  }

  countPosts(hashtag: string, range?: TimeRange): number {
    return this.aggregate.countPosts(hashtag, range);
  }

  getPost(id: string): Post | undefined {
    const row = this.db
      .prepare<[string], StoredPostRow>(`SELECT ${POST_COLUMNS} FROM posts WHERE id = ?`)
      .get(id);
    return row && postFromRow(row);
  }

  hashtagCounts(hashtag: string, range?: TimeRange): HashtagCounts {
    return this.aggregate.hashtagCounts(hashtag, range);
  }

  hashtags(): HashtagSummary[] {
    return this.db
      .prepare<[], HashtagSummary>(
        `WITH followed AS (SELECT hashtag FROM hashtag_days UNION SELECT hashtag FROM runs)
         SELECT f.hashtag,
           (SELECT COALESCE(SUM(d.posts), 0) FROM hashtag_days d WHERE d.hashtag = f.hashtag) AS posts,
           (SELECT COUNT(*) FROM videos v WHERE v.hashtag = f.hashtag) AS videos,
           (SELECT MAX(COALESCE(r.finished_at, r.started_at)) FROM runs r WHERE r.hashtag = f.hashtag)
             AS lastCollectedAt,
           (SELECT r.error FROM runs r WHERE r.hashtag = f.hashtag ORDER BY r.started_at DESC, r.id DESC LIMIT 1)
             AS lastError
         FROM followed f ORDER BY f.hashtag`,
      )
      .all();
  }

  linkPosts(hashtag: string, ids: string[], options: { seenAt?: string } = {}) {
    const tag = requireHashtag(hashtag);
    const linkedAt = isoTime(options.seenAt) ?? new Date().toISOString();
    const createTime = this.db.prepare<[string], { t: number | null }>(
      "SELECT create_time AS t FROM posts WHERE id = ?",
    );
    const link = this.db.prepare(
      "INSERT OR IGNORE INTO post_hashtags (hashtag, post_id, sort_time, first_linked) VALUES (?, ?, ?, ?)",
    );
    const bulk = this.bulk;
    return this.db
      .transaction(() => {
        const missing: string[] = [];
        const linkedIds: string[] = [];
        const list = bulk.active ? JSON.stringify(ids) : "";
        if (bulk.active) bulk.before(list);
        for (const id of ids) {
          const row = createTime.get(id);
          if (!row) missing.push(id);
          else if (link.run(tag, id, sortTime(row.t), linkedAt).changes === 1) linkedIds.push(id);
        }
        if (bulk.active) bulk.after(list, linkedIds);
        return { linked: linkedIds.length, missing };
      })
      .immediate();
  }

  statsHistory(postId: string): StatsSnapshot[] {
    return this.db
      .prepare<[string], PostStats & { seen_at: string }>(
        "SELECT seen_at, plays, likes, shares, comments, saves FROM post_stats WHERE post_id = ? ORDER BY seen_at",
      )
      .all(postId)
      .map(({ seen_at, ...stats }) => ({ seenAt: seen_at, stats }));
  }

  postTimes(postId: string): { firstSeen: string; lastSeen: string } | undefined {
    return this.times.get(postId);
  }

  totalPosts(): number {
    return this.db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM posts").get()!.n;
  }

  schemaVersion(): number {
    return schemaVersion(this.db);
  }
}

export interface OpenOptions {
  /**
   * How long a write waits for another process's write transaction, after opening. The CLI waits (default
   * BUSY_TIMEOUT_MS); the API server passes 0, because better-sqlite3 waits synchronously and would freeze every
   * request, so it answers 503 at once instead (SQLITE_BUSY).
   */
  busyTimeoutMs?: number;
}

/**
 * Opens (creating if needed) data/tiktok.db. WAL lets readers work while one process writes; synchronous=FULL
 * makes every commit survive a crash; the busy timeout makes a second writer wait instead of failing.
 */
/** VACUUM needs every other connection idle; a busy database stays as large as it was, harmlessly. */
const vacuumIfIdle = (db: Database.Database): void => {
  try {
    db.exec("VACUUM");
  } catch (error) {
    if ((error as { code?: string }).code !== "SQLITE_BUSY") throw error;
  }
};

export const openSqliteStore = (dataDir: string, options: OpenOptions = {}): CompanionStore => {
  const db = new Database(databasePath(dataDir), { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.pragma("foreign_keys = ON");
    // So an INSERT OR REPLACE that deletes a link or tag fires the aggregate's delete triggers too.
    db.pragma("recursive_triggers = ON");
    registerMigrationFunctions(db);
    const before = schemaVersion(db);
    migrate(db);
    // Moving raw out of the json column, and packing the json, leave most pages free; give them back once, when
    // either happens.
    if (before > 0 && before <= MIGRATIONS.indexOf(PACKED_JSON_MIGRATION)) vacuumIfIdle(db);
    // A kill -9 can leave a large -wal behind until the next write; fold it back now. Without waiting: if another
    // process is busy, its own commits checkpoint the log anyway.
    db.pragma("busy_timeout = 0");
    db.pragma("wal_checkpoint(TRUNCATE)");
    db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? BUSY_TIMEOUT_MS))}`);
  } catch (error) {
    db.close();
    throw error;
  }
  return new SqliteStore(assertInside(dataDir, "."), db);
};
