import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { Browser, Page } from "puppeteer-core";
import type { HashtagDayCounts } from "../../entrypoints/common/mirror/hashtag-days.ts";
import type { MirrorMeta, MirrorPost } from "../../entrypoints/common/mirror/mirror-db.ts";
import { type ChunkIds, chunksOf, type PostChunk } from "../../entrypoints/common/mirror/post-chunks.ts";
import type { RunRow } from "../../entrypoints/options/views/dashboard-model.ts";

export const EXTENSION_DIR = fileURLToPath(new URL("../../.output/chrome-mv3", import.meta.url));
export const ARTIFACTS_DIR = fileURLToPath(new URL("./artifacts", import.meta.url));

/** Builds the Chrome extension into .output/chrome-mv3, as `npm start` does. */
export const buildExtension = async (): Promise<string> => {
  await promisify(execFile)("npx", ["wxt", "build"], {
    cwd: fileURLToPath(new URL("../..", import.meta.url)),
  });
  return EXTENSION_DIR;
};

/** The loaded extension's id: the host of its background service worker. */
export const extensionId = async (browser: Browser): Promise<string> => {
  const worker = await browser.waitForTarget(
    (target) => target.type() === "service_worker" && target.url().startsWith("chrome-extension://"),
    { timeout: 20_000 },
  );
  return new URL(worker.url()).host;
};

export interface MirrorContent {
  /** Posts with their links as the mirror stores them: see chunkedMirror. */
  chunks: PostChunk[];
  chunkIds: ChunkIds[];
  /** The links' day counts, as the sync keeps them (dayCountsOf(hashtagDaysOf(links))). */
  dayCounts: HashtagDayCounts[];
  runs: RunRow[];
  /** The sync cursor, as the background's mirror leaves it. */
  meta: MirrorMeta[];
}

/** Posts and the hashtags they were collected for, as the mirror's chunks (post-chunks.ts lays them out). */
export const chunkedMirror = (
  posts: readonly MirrorPost[],
  links: ReadonlyArray<{ hashtag: string; postId: string }>,
): Pick<MirrorContent, "chunks" | "chunkIds"> => {
  const chunks = chunksOf(posts, links);
  return {
    chunks: chunks.map(({ chunk }, index) => ({ ...chunk, seq: index + 1 })),
    chunkIds: chunks.map(({ ids }, index) => ({ seq: index + 1, ids })),
  };
};

/**
 * Writes straight into the extension's IndexedDB from its own page, in chunks (the DevTools protocol carries
 * each as one message), after the page has opened the db so its object stores exist. Returns the milliseconds
 * IndexedDB spent writing, the chunks' transfer left out.
 */
export const writeMirror = async (
  page: Page,
  content: MirrorContent,
  rowsPerMessage = 5000,
): Promise<number> => {
  let spent = 0;
  const tables = Object.entries(content) as [keyof MirrorContent, unknown[]][];
  for (const [table, rows] of tables) {
    // A chunk holds up to a thousand posts: a few to a message.
    const chunk = table === "chunks" ? 5 : rowsPerMessage;
    for (let start = 0; start < rows.length; start += chunk) {
      spent += await page.evaluate(
        (name, part) =>
          new Promise<number>((resolve, reject) => {
            const began = performance.now();
            const open = indexedDB.open("tiktok-hashtag-analysis");
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const db = open.result;
              const transaction = db.transaction(name, "readwrite");
              const store = transaction.objectStore(name);
              for (const row of part)
                store.put(
                  name === "dayCounts"
                    ? {
                        ...(row as object),
                        days: (row as { days: Array<{ tags: [string, number][] }> }).days.map((day) => ({
                          ...day,
                          tags: new Map(day.tags),
                        })),
                      }
                    : row,
                );
              transaction.oncomplete = () => {
                db.close();
                resolve(performance.now() - began);
              };
              transaction.onerror = () => reject(transaction.error);
            };
          }),
        table,
        // The DevTools protocol carries JSON: a day's tag counts travel as entries and become a Map again.
        rows.slice(start, start + chunk).map((row) =>
          table === "dayCounts"
            ? {
                ...(row as HashtagDayCounts),
                days: (row as HashtagDayCounts).days.map((day) => ({ ...day, tags: [...day.tags] })),
              }
            : row,
        ),
      );
    }
  }
  return spent;
};

/** The rows of the hashtag view's frequency table as the page shows them. */
export const frequencyTableCells = (page: Page): Promise<string[][]> =>
  page.$$eval('[data-testid="frequency-table"] tbody tr', (rows) =>
    rows.map((row) => [...row.querySelectorAll("td")].map((cell) => cell.textContent ?? "")),
  );

/** How many pixels of the co-occurrence chart have the bars' colour: 0 means no bar was drawn. */
export const barPixels = (page: Page): Promise<number> =>
  page.$eval(".hashtag-view canvas", (canvas) => {
    const context = (canvas as HTMLCanvasElement).getContext("2d");
    if (!context) return 0;
    const { data } = context.getImageData(
      0,
      0,
      (canvas as HTMLCanvasElement).width,
      (canvas as HTMLCanvasElement).height,
    );
    let count = 0;
    for (let i = 0; i < data.length; i += 4)
      if (data[i] === 0x4c && data[i + 1] === 0x72 && data[i + 2] === 0xb0) count++;
    return count;
  });

/** Reads the CLI's seed-format table ("Rank Hashtag Occurrences Frequency" ... "Total posts: N"). */
export const parseCliTable = (text: string): { rows: string[][]; total: number } => {
  const lines = text.trimEnd().split("\n");
  const total = Number(lines.at(-1)?.replace("Total posts: ", ""));
  return { rows: lines.slice(1, -1).map((line) => line.trim().split(/\s+/u)), total };
};
