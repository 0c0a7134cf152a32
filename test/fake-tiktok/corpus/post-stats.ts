import type { StatsStruct, StatsV2Struct } from "../item-struct.ts";
import type { Random } from "./seeded-random.ts";

const share = (random: Random, total: number, min: number, max: number): number =>
  Math.floor(total * (min + random.float() * (max - min)));

export const statsFor = (random: Random): StatsStruct => {
  const playCount = random.logUniform(2, 8.3);
  const diggCount = share(random, playCount, 0.01, 0.15);
  return {
    diggCount,
    shareCount: share(random, diggCount, 0.002, 0.08),
    commentCount: share(random, diggCount, 0.005, 0.05),
    playCount,
    collectCount: share(random, diggCount, 0.01, 0.2),
  };
};

export const statsV2For = (stats: StatsStruct, repostCount: number): StatsV2Struct => ({
  diggCount: String(stats.diggCount),
  shareCount: String(stats.shareCount),
  commentCount: String(stats.commentCount),
  playCount: String(stats.playCount),
  collectCount: String(stats.collectCount),
  repostCount: String(repostCount),
});
