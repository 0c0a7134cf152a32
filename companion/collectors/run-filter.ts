import type { ParseResult, Post } from "../../shared/post/post.ts";
import type { CollectOptions } from "./collector.ts";

/**
 * What one collection run keeps: each post once (TikTok repeats posts across pages), none created before
 * `since`, never more than `limit`. Both collectors feed their pages through it, so they behave the same.
 */
export class RunFilter {
  private readonly seen = new Set<string>();
  private collected = 0;
  private pages = 0;
  /** Items the shared parsers could not read (e.g. without an id); counted, never fatal. */
  rejected = 0;

  constructor(
    private readonly hashtag: string,
    private readonly options: Pick<CollectOptions, "limit" | "since" | "onProgress">,
  ) {}

  get full(): boolean {
    return this.options.limit !== null && this.collected >= this.options.limit;
  }

  get count(): number {
    return this.collected;
  }

  /** Counts one page or API response read, and reports progress. */
  pageRead(): void {
    this.pages += 1;
    this.report();
  }

  /** Parse results in, the posts to yield out; reports progress. */
  accept(results: ParseResult[]): Post[] {
    const accepted: Post[] = [];
    for (const result of results) {
      if (!result.ok) {
        this.rejected += 1;
        continue;
      }
      const { post } = result;
      if (this.full || this.seen.has(post.id)) continue;
      this.seen.add(post.id);
      const { since } = this.options;
      if (since !== null && post.createTime !== null && post.createTime < since) continue;
      accepted.push(post);
      this.collected += 1;
    }
    if (accepted.length > 0) this.report();
    return accepted;
  }

  private report(): void {
    this.options.onProgress?.({
      hashtag: this.hashtag,
      collected: this.collected,
      limit: this.options.limit,
      pages: this.pages,
    });
  }
}
