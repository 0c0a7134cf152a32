/**
 * `npm run demo`: the whole path on a local fake TikTok, offline, in under a minute. A real Chromium collects
 * two hashtags into a throw-away data folder, a few videos are downloaded with its session, and the seed's
 * frequency table is printed.
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatFrequencyTable } from "../shared/analysis/frequency-table-text.ts";
import { rankHashtags } from "../shared/analysis/hashtag-frequencies.ts";
import { startFakeTikTok } from "../test/fake-tiktok/index.ts";
import { openStoreForCli } from "./cli/open-store.ts";
import { createProgress } from "./cli/progress.ts";
import { BrowserCollector } from "./collectors/browser/browser-collector.ts";
import { delayAround, withPoliteness } from "./collectors/politeness/politeness.ts";
import { runDownload } from "./download/run-download.ts";
import { createDispatcher } from "./video/dispatcher.ts";
import { downloadMedia } from "./video/download-media.ts";

const HASHTAGS = ["travel", "東京"];
const VIDEOS_PER_HASHTAG = 3;
const say = (line = "") => process.stdout.write(`${line}\n`);

const fake = await startFakeTikTok({ seed: 1, tags: { travel: 60, 東京: 35 } });
const dataDir = join(await mkdtemp(join(tmpdir(), "tiktok-hashtag-demo-")), "data");
const politeness = withPoliteness({ delayMs: delayAround(150) });
const collector = new BrowserCollector({ extraArgs: fake.chromiumArgs, politeness, settleMs: 400 });
// Node trusts the fake's certificate explicitly and reaches every TikTok host through its proxy.
const dispatcher = createDispatcher({ proxy: fake.proxyUrl, ca: fake.caCertificate });
const store = openStoreForCli(dataDir, "write");
const progress = (label: string, total: number | null) => createProgress(label, total, { json: false });

try {
  say(`A fake TikTok runs at ${fake.origin}; Chromium is pointed at it, nothing leaves this machine.`);
  say();
  await runDownload(
    { hashtags: HASHTAGS, posts: true, videos: false, limit: 1000, since: null, proxy: null, concurrency: 2 },
    {
      store,
      collector,
      openMediaSession: () => collector.mediaSession(),
      dispatcher,
      politeness,
      out: say,
      warn: say,
      progress,
    },
  );

  say();
  const session = await collector.mediaSession();
  for (const hashtag of HASHTAGS) {
    const posts = store.postsWithoutVideo(hashtag).slice(0, VIDEOS_PER_HASHTAG);
    const summary = await downloadMedia(posts, {
      store,
      hashtag,
      session,
      dispatcher,
      politeness,
      concurrency: 2,
    });
    say(
      `Downloaded the media of ${summary.downloaded} #${hashtag} posts (${Math.round(summary.bytes / 1024)} KB)`,
    );
  }

  for (const hashtag of HASHTAGS) {
    say();
    say(`Co-occurring hashtags for #${hashtag} posts`);
    process.stdout.write(formatFrequencyTable(rankHashtags(store.hashtagCounts(hashtag), hashtag, 10)));
  }

  say();
  say(`Your throw-away data folder is ${dataDir} (database tiktok.db, media under <hashtag>/videos/).`);
  say("Look around with, for example:");
  say(`  node companion/bin.js --data-dir ${dataDir} hashtags`);
  say(`  node companion/bin.js --data-dir ${dataDir} frequencies travel 15 -p`);
  say(`  node companion/bin.js --data-dir ${dataDir} export travel --format csv`);
} finally {
  store.close();
  await collector.close();
  await dispatcher.close();
  await fake.close();
}
