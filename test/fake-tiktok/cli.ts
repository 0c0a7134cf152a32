import { writeFileSync } from "node:fs";
import { Command, InvalidArgumentError } from "commander";
import { parseByteRange, parseFault, parseTagSizes, parseWholeNumber } from "./cli-options.ts";
import { startFakeTikTok } from "./index.ts";
import { DEFAULT_TAGS, DEFAULT_VIDEO_BYTES } from "./server/settings.ts";
import type { FaultRule } from "./types.ts";

// Commander reports InvalidArgumentError as "error: option '--x' argument 'y' is invalid. <reason>".
const checked =
  <T>(parse: (text: string) => T) =>
  (text: string): T => {
    try {
      return parse(text);
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message);
    }
  };

const program = new Command("fake-tiktok")
  .description("Run the fake TikTok (HTTPS + CONNECT proxy on 127.0.0.1) until Ctrl+C.")
  .option("--port <n>", "HTTPS port (0 = any free port)", checked(parseWholeNumber("--port")), 8443)
  .option(
    "--proxy-port <n>",
    "CONNECT proxy port (0 = any free port)",
    checked(parseWholeNumber("--proxy-port")),
    8080,
  )
  .option("--seed <n>", "corpus seed", checked(parseWholeNumber("--seed")), 1)
  .option(
    "--tags <list>",
    "hashtags and post counts, NAME:COUNT,...",
    checked(parseTagSizes),
    DEFAULT_TAGS as Record<string, number>,
  )
  .option("--page-size <n>", "items per item_list page (1-35)", checked(parseWholeNumber("--page-size")), 30)
  .option("--video-bytes <min-max>", "mp4 size range in bytes", checked(parseByteRange), {
    ...DEFAULT_VIDEO_BYTES,
  })
  .option(
    "--fault <spec>",
    "inject a fault, PATH:KIND[:ARG][@TIMES|@inf], e.g. item_list:rate-limit:30 (repeatable)",
    (spec: string, all: FaultRule[]) => [...all, checked(parseFault)(spec)],
    [] as FaultRule[],
  )
  .option(
    "--ca-file <path>",
    "also write the certificate (PEM) here, for NODE_EXTRA_CA_CERTS or curl --cacert",
  )
  .parse();

const options = program.opts<{
  port: number;
  proxyPort: number;
  seed: number;
  tags: Record<string, number>;
  pageSize: number;
  videoBytes: { min: number; max: number };
  fault: FaultRule[];
  caFile?: string;
}>();

try {
  const fake = await startFakeTikTok(options);
  for (const rule of options.fault) fake.addFault(rule);
  if (options.caFile) writeFileSync(options.caFile, fake.caCertificate);
  const tags = fake.corpus
    .tags()
    .map((tag) => `#${tag.name} (${tag.postCount} posts, challengeID ${tag.challengeId})`);
  console.log(
    [
      `Fake TikTok on ${fake.origin} (seed ${options.seed})`,
      `  proxy:    ${fake.proxyUrl}   (tiktok-scraper: proxy "${fake.proxyUrl.replace(/^http:\/\//u, "")}")`,
      `  chromium: ${fake.chromiumArgs.map((arg) => `'${arg}'`).join(" ")}`,
      `  tags:     ${tags.join(", ")}`,
      `  try:      https://www.tiktok.com/tag/${encodeURIComponent(fake.corpus.tags()[0]?.name ?? "travel")}`,
      `  faults:   POST ${fake.origin}/__fake/faults  {"path":"item_list","fault":{"kind":"captcha"}}`,
      ...(options.caFile ? [`  CA:       ${options.caFile}`] : []),
    ].join("\n"),
  );
  const stop = () => void fake.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  console.error(`fake-tiktok: ${(error as Error).message}`);
  process.exit(1);
}
