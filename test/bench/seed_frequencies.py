"""The original tool's frequency table, as the reference column of `npm run bench`.

What the seed (bellingcat/tiktok-hashtag-analysis) does for `--table`: json.load the whole
<data>/<hashtag>/posts.json, take each post's distinct hashtags (a tiktok-scraper item's hashtags[].name, the
seed's own input; a web ItemStruct's textExtra hashtagName), count them with a Counter,
and print the most common ones with Total posts = the largest count (the hashtag itself). --since/--until (epoch
seconds on createTime) filter posts first: the seed had no range, this is the same algorithm on fewer posts.

usage: python3 seed_frequencies.py POSTS_JSON [N] [--since S] [--until U]
"""

import argparse
import json
import sys
from collections import Counter


def hashtags(video: dict) -> set:
    """A web ItemStruct's textExtra hashtagName values, or a tiktok-scraper item's hashtags[].name (the seed's)."""
    if "textExtra" in video:
        return set(tag["hashtagName"] for tag in video.get("textExtra") or [] if tag.get("hashtagName"))
    return set(tag["name"] for tag in video.get("hashtags") or [] if tag.get("name"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("posts_json")
    parser.add_argument("n", nargs="?", type=int, default=20)
    parser.add_argument("--since", type=int)
    parser.add_argument("--until", type=int)
    args = parser.parse_args()

    with open(args.posts_json, "r", encoding="utf-8") as f:
        videos = json.load(f)

    counted = []
    for video in videos:
        created = int(video.get("createTime") or 0)
        if args.since is not None and created < args.since:
            continue
        if args.until is not None and created > args.until:
            continue
        counted.extend(hashtags(video))
    frequencies = Counter(counted)

    total_posts = max(frequencies.values()) if frequencies else 0
    print(f"{'Rank':<8} {'Hashtag':<30} {'Occurrences':<15} {'Frequency':<15}")
    for row, (hashtag, frequency) in enumerate(frequencies.most_common(args.n)):
        print(f"{row:<8} {hashtag:<30} {frequency:<15} {frequency / total_posts:.4f}")
    print(f"Total posts: {total_posts}")
    print(f"distinct hashtags: {len(frequencies)}", file=sys.stderr)


if __name__ == "__main__":
    main()
