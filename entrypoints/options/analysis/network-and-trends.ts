import { coHashtagNetwork } from "../../../shared/analysis/co-hashtag-network.ts";
import {
  type HashtagTrends,
  hashtagTrends,
  type TrendPeriod,
} from "../../../shared/analysis/hashtag-trends.ts";
import type { DateRange } from "../selection/selection.ts";
import type { CountablePost } from "./analyse-hashtag.ts";
import { drawNetwork, type NetworkDrawing } from "./network-layout.ts";

export interface NetworkRequest {
  hashtag: string;
  range: DateRange;
  /** Nodes kept, the hashtag itself included. */
  top: number;
  /** Edges lighter than this are left out. */
  minWeight: number;
}

export interface TrendsRequest {
  hashtag: string;
  range: DateRange;
  period: TrendPeriod;
  /** Co-hashtags whose share is charted. */
  top: number;
  /** The two periods (first days, YYYY-MM-DD) the rising and falling lists compare; default the last two. */
  compare?: { before: string; after: string };
}

/** The co-hashtag network as the CLI's `network` counts it (shared code), laid out for drawing. */
export const analyseNetwork = (posts: readonly CountablePost[], request: NetworkRequest): NetworkDrawing =>
  drawNetwork(
    coHashtagNetwork(posts, request.hashtag, {
      top: request.top,
      minWeight: request.minWeight,
      range: request.range,
    }),
  );

/** Posts per period, the top co-hashtags' shares and the rising/falling ones: the CLI's `trends` (shared code). */
export const analyseTrends = (posts: readonly CountablePost[], request: TrendsRequest): HashtagTrends =>
  hashtagTrends(posts, request.hashtag, {
    period: request.period,
    top: request.top,
    range: request.range,
    ...(request.compare ? { compare: request.compare } : {}),
  });
