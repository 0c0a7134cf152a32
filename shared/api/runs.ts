import { z } from "zod";

/** One collection run of one hashtag (the CLI, an import, a job, the extension): a hashtag's history. */
export const CollectionRunSchema = z.object({
  id: z.number().int(),
  hashtag: z.string(),
  source: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  postsNew: z.number().int().nonnegative(),
  postsSeen: z.number().int().nonnegative(),
  error: z.string().nullable(),
});

/** GET API_ROUTES.runs: a hashtag's runs, oldest first. */
export const RunsResponse = z.object({ hashtag: z.string(), runs: z.array(CollectionRunSchema) });

export type CollectionRunSchema = z.infer<typeof CollectionRunSchema>;
export type RunsResponse = z.infer<typeof RunsResponse>;
