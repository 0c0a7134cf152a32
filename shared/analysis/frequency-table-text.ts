import type { FrequencyTable } from "./hashtag-frequencies.ts";
import { formatFixed, padEnd } from "./python-format.ts";

/**
 * The table exactly as the seed's print_occurrences wrote it:
 * "{:<8} {:<30} {:<15} {:<15}" header, "{:<8} {:<30} {:<15} {:.4f}" rows, then "Total posts: N".
 */
export const formatFrequencyTable = (table: FrequencyTable): string => {
  const header = [
    padEnd("Rank", 8),
    padEnd("Hashtag", 30),
    padEnd("Occurrences", 15),
    padEnd("Frequency", 15),
  ];
  const rows = table.rows.map((row) =>
    [padEnd(row.rank, 8), padEnd(row.hashtag, 30), padEnd(row.count, 15), formatFixed(row.ratio, 4)].join(
      " ",
    ),
  );
  return `${[header.join(" "), ...rows, `Total posts: ${table.totalPosts}`].join("\n")}\n`;
};
