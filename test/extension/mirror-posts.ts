import type { Page } from "puppeteer-core";

/** A post the extension's mirror holds (its newest copy): its id, whether the post itself is there, its links. */
export interface MirroredPost {
  id: string;
  hasPost: boolean;
  linkedTo: string[];
}

/**
 * The posts in the extension's IndexedDB, read from one of its pages. The page runs plain IndexedDB (not the
 * extension's bundle), so this repeats what entrypoints/common/mirror/post-chunks.ts defines: posts in `chunks`
 * records (their entries as one JSON string), the copy in the highest seq the post.
 */
export const mirroredPosts = (page: Page): Promise<MirroredPost[]> =>
  page.evaluate(
    () =>
      new Promise<MirroredPost[]>((resolve, reject) => {
        const open = indexedDB.open("tiktok-hashtag-analysis");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("chunks")) {
            db.close();
            resolve([]);
            return;
          }
          const read = db.transaction("chunks").objectStore("chunks").getAll();
          read.onsuccess = () => {
            db.close();
            type Entry = { id: string; post: unknown; linkedTo: string[] };
            const newest = new Map<string, MirroredPost>();
            for (const chunk of read.result as Array<{ entries: string }>)
              for (const entry of JSON.parse(chunk.entries) as Entry[])
                newest.set(entry.id, {
                  id: entry.id,
                  hasPost: entry.post !== null,
                  linkedTo: entry.linkedTo,
                });
            resolve([...newest.values()]);
          };
          read.onerror = () => reject(read.error);
        };
      }),
  );

/** The ids of the mirrored posts collected for `hashtag`, sorted. */
export const mirroredIdsOf = async (page: Page, hashtag: string): Promise<string[]> =>
  (await mirroredPosts(page))
    .filter((post) => post.linkedTo.includes(hashtag))
    .map((post) => post.id)
    .sort();
