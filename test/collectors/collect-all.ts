import type { Politeness } from "../../companion/collectors/politeness/politeness.ts";
import type { Post } from "../../shared/post/post.ts";

/** No pauses and short backoffs: the behaviour under test stays, the waiting goes. */
export const FAST: Partial<Politeness> = {
  delayMs: { min: 0, max: 0 },
  backoff: { baseMs: 20, maxMs: 100 },
  maxAttempts: 4,
};

/** Everything a collection yields, and the error it ended with if any (posts before it are kept). */
export const collectAll = async (stream: AsyncIterable<Post>): Promise<{ posts: Post[]; error: unknown }> => {
  const posts: Post[] = [];
  try {
    for await (const post of stream) posts.push(post);
    return { posts, error: null };
  } catch (error) {
    return { posts, error };
  }
};

export const idsOf = (items: readonly { id: unknown }[]): string[] => items.map((item) => String(item.id));
