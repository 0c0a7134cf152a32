import { DayTally } from "./hashtag-days.ts";
import type { MirrorLink, MirrorTables } from "./mirror-db.ts";

/**
 * Stores links (with their copies of the post's date and hashtags) and keeps each hashtag's day counts in step:
 * a link stored before is counted out with its old copy, then in with the new one. Every writer of links goes
 * through here, inside a read-write transaction over `links` and `hashtagDays` (Dexie refuses otherwise).
 */
export const putLinks = async (
  tables: Pick<MirrorTables, "links" | "hashtagDays">,
  links: readonly MirrorLink[],
): Promise<void> => {
  // A link named twice would be counted twice; the last copy wins, as it would in the table.
  const unique = [
    ...new Map(links.map((link) => [JSON.stringify([link.hashtag, link.postId]), link])).values(),
  ];
  if (unique.length === 0) return;
  const before = await tables.links.bulkGet(
    unique.map((link): [string, string] => [link.hashtag, link.postId]),
  );
  const tally = new DayTally();
  unique.forEach((link, index) => {
    const previous = before[index];
    if (previous !== undefined) tally.add(previous, -1);
    tally.add(link, 1);
  });
  const days = tally.applyTo(await tables.hashtagDays.bulkGet(tally.keys()));
  await Promise.all([
    tables.links.bulkPut(unique),
    tables.hashtagDays.bulkPut(days.put),
    tables.hashtagDays.bulkDelete(days.remove),
  ]);
};
