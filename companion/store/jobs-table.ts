import type Database from "better-sqlite3";
import type { Job, JobError, JobEvent, JobState } from "../../shared/api/jobs.ts";

/** What a job was asked to do, as stored; the rest of a Job is its state. */
export type JobRequest = Pick<Job, "hashtags" | "posts" | "videos" | "limit" | "since" | "source">;

interface JobRow {
  id: number;
  request: string;
  origin: Job["origin"];
  state: JobState;
  progress: string;
  error: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

interface EventRow {
  seq: number;
  job_id: number;
  kind: JobEvent["kind"];
  message: string | null;
  job: string;
}

/** Events kept for clients that reconnect (Last-Event-ID); older ones are replaced by a snapshot. */
export const KEPT_JOB_EVENTS = 5000;

/** Only what was asked: a Job handed in as a request must not carry its id or state into the new row. */
const requestFields = ({ hashtags, posts, videos, limit, since, source }: JobRequest): JobRequest => ({
  hashtags,
  posts,
  videos,
  limit,
  since,
  source,
});

const toJob = (row: JobRow): Job => {
  const request = JSON.parse(row.request) as JobRequest;
  return {
    id: row.id,
    ...requestFields(request),
    origin: row.origin,
    state: row.state,
    progress: JSON.parse(row.progress) as Job["progress"],
    error: row.error === null ? null : (JSON.parse(row.error) as JobError),
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
};

const toEvent = (row: EventRow): JobEvent => ({
  seq: row.seq,
  jobId: row.job_id,
  kind: row.kind,
  message: row.message,
  job: JSON.parse(row.job) as Job,
});

/** Jobs and their event log (schema migration 2). */
export const jobsTable = (db: Database.Database) => {
  const select = db.prepare<[number], JobRow>("SELECT * FROM jobs WHERE id = ?");
  const insertEvent = db.prepare<[number, string, string | null, string]>(
    "INSERT INTO job_events (job_id, kind, message, job) VALUES (?, ?, ?, ?)",
  );
  const trimEvents = db.prepare<[number]>("DELETE FROM job_events WHERE seq <= ?");

  return {
    create(request: JobRequest, origin: Job["origin"], now: string): Job {
      const progress: Job["progress"] = request.hashtags.map((hashtag) => ({
        hashtag,
        state: "waiting",
        postsNew: 0,
        postsSeen: 0,
        videosDone: 0,
        videosTotal: null,
        error: null,
      }));
      const result = db
        .prepare(
          "INSERT INTO jobs (request, origin, state, progress, created_at) VALUES (?, ?, 'queued', ?, ?)",
        )
        .run(JSON.stringify(requestFields(request)), origin, JSON.stringify(progress), now);
      return this.get(Number(result.lastInsertRowid))!;
    },

    get(id: number): Job | undefined {
      const row = select.get(id);
      return row && toJob(row);
    },

    /** Newest first. */
    list(limit: number): Job[] {
      return db
        .prepare<[number], JobRow>("SELECT * FROM jobs ORDER BY id DESC LIMIT ?")
        .all(limit)
        .map(toJob);
    },

    inState(states: readonly JobState[]): Job[] {
      return db
        .prepare<JobState[], JobRow>(
          `SELECT * FROM jobs WHERE state IN (${states.map(() => "?").join(", ")}) ORDER BY id`,
        )
        .all(...states)
        .map(toJob);
    },

    /** The oldest queued job: jobs run in the order they were asked for. */
    nextQueued(): Job | undefined {
      const row = db
        .prepare<[], JobRow>("SELECT * FROM jobs WHERE state = 'queued' ORDER BY id LIMIT 1")
        .get();
      return row && toJob(row);
    },

    /** Whether a queued or running job will collect this hashtag. */
    isPending(hashtag: string): boolean {
      return (
        db
          .prepare<[string], { one: number }>(
            `SELECT 1 AS one FROM jobs, json_each(jobs.request, '$.hashtags') AS tag
             WHERE jobs.state IN ('queued', 'running') AND tag.value = ? LIMIT 1`,
          )
          .get(hashtag) !== undefined
      );
    },

    /** Saves the job's state and logs the event in one transaction, so the log never disagrees with the job. */
    save: db.transaction((job: Job, kind: JobEvent["kind"], message: string | null): JobEvent => {
      db.prepare(
        "UPDATE jobs SET state = ?, progress = ?, error = ?, started_at = ?, finished_at = ? WHERE id = ?",
      ).run(
        job.state,
        JSON.stringify(job.progress),
        job.error === null ? null : JSON.stringify(job.error),
        job.startedAt,
        job.finishedAt,
        job.id,
      );
      const seq = Number(insertEvent.run(job.id, kind, message, JSON.stringify(job)).lastInsertRowid);
      if (seq % 100 === 0) trimEvents.run(seq - KEPT_JOB_EVENTS);
      return { seq, jobId: job.id, kind, message, job };
    }),

    /**
     * Events after `seq` (of one job when given), oldest first; null when some of them are no longer kept, so
     * the caller sends a snapshot instead.
     */
    eventsAfter(seq: number, jobId?: number): JobEvent[] | null {
      const oldest = db
        .prepare<[], { seq: number | null }>("SELECT MIN(seq) AS seq FROM job_events")
        .get()?.seq;
      if (oldest !== null && oldest !== undefined && seq < oldest - 1) return null;
      // An id from another database (a fresh data folder, a restored backup): its events are not these.
      if (seq > this.latestEventSeq()) return null;
      const rows =
        jobId === undefined
          ? db.prepare<[number], EventRow>("SELECT * FROM job_events WHERE seq > ? ORDER BY seq").all(seq)
          : db
              .prepare<[number, number], EventRow>(
                "SELECT * FROM job_events WHERE seq > ? AND job_id = ? ORDER BY seq",
              )
              .all(seq, jobId);
      return rows.map(toEvent);
    },

    latestEventSeq(): number {
      return db.prepare<[], { seq: number | null }>("SELECT MAX(seq) AS seq FROM job_events").get()?.seq ?? 0;
    },
  };
};

export type JobsTable = ReturnType<typeof jobsTable>;
