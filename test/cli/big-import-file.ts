import { once } from "node:events";
import { createWriteStream } from "node:fs";

const TAGS = ["fyp", "viral", "egypt", "cairo", "東京", "مصر", "food", "music"];

/** A Zeeschuimer record shaped like the real ones, small enough to make 100k of them quickly. */
const record = (index: number): Record<string, unknown> => {
  const id = String(7_300_000_000_000_000_000n + BigInt(index));
  const tags = ["big", TAGS[index % TAGS.length] ?? "fyp", TAGS[(index * 7) % TAGS.length] ?? "fyp"];
  return {
    id,
    thread_id: id,
    timestamp_collected: 1_700_000_000_000 + index,
    source_platform: "tiktok.com",
    source_platform_url: "https://www.tiktok.com/tag/big",
    data: {
      id,
      desc: `${tags.map((tag) => `#${tag}`).join(" ")} post ${index}`,
      createTime: 1_690_000_000 + index * 60,
      author: {
        id: String(6_800_000_000 + (index % 5000)),
        uniqueId: `user${index % 5000}`,
        nickname: `User ${index}`,
      },
      authorStats: { followerCount: index % 10_000 },
      stats: {
        diggCount: index % 1000,
        shareCount: index % 50,
        commentCount: index % 70,
        playCount: index * 3,
      },
      video: { duration: 15, cover: `https://p16.tiktokcdn.com/${id}.jpeg` },
      music: { id: String(index % 300), title: "original sound", authorName: `user${index % 5000}` },
      challenges: tags.map((title) => ({ title })),
    },
  };
};

/** Writes `count` posts as NDJSON (or as one JSON list), streaming, and returns the file's size. */
export const writeBigImportFile = async (
  file: string,
  count: number,
  shape: "ndjson" | "json-array",
): Promise<number> => {
  const out = createWriteStream(file);
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, "drain");
  };
  if (shape === "json-array") await write("[\n");
  for (let index = 0; index < count; index++) {
    const line = JSON.stringify(record(index));
    await write(shape === "ndjson" ? `${line}\n` : `${index === 0 ? "" : ",\n"}${line}`);
  }
  if (shape === "json-array") await write("\n]\n");
  out.end();
  await once(out, "finish");
  return bytes;
};
