import type { FrequencyTable } from "../../../shared/analysis/hashtag-frequencies.ts";
import { formatFixed } from "../../../shared/analysis/python-format.ts";
import { routeHash } from "../routing/hash-route.ts";

/** The seed's table as HTML: rank 0 is the hashtag itself; each co-occurring hashtag links to its own view. */
export const FrequencyTableView = ({ table }: { table: FrequencyTable }) => (
  <table class="frequencies" data-testid="frequency-table">
    <caption>
      Co-occurring hashtags of #{table.hashtag}: {table.totalPosts} posts
    </caption>
    <thead>
      <tr>
        <th scope="col">Rank</th>
        <th scope="col">Hashtag</th>
        <th scope="col">Occurrences</th>
        <th scope="col">Frequency</th>
      </tr>
    </thead>
    <tbody>
      {table.rows.map((row) => (
        <tr key={row.hashtag}>
          <td>{row.rank}</td>
          <td>
            {row.rank === 0 ? (
              row.hashtag
            ) : (
              <a href={routeHash({ page: "hashtag", hashtag: row.hashtag })}>{row.hashtag}</a>
            )}
          </td>
          <td>{row.count}</td>
          <td>{formatFixed(row.ratio, 4)}</td>
        </tr>
      ))}
    </tbody>
  </table>
);
