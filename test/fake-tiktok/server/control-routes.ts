import express, { type Request, type Response, Router } from "express";
import type { Corpus } from "../types.ts";
import { parseFaultJson } from "./fault-input.ts";
import type { FaultRegistry } from "./fault-registry.ts";
import { sendJson } from "./send.ts";

/**
 * /__fake/: steering a fake started elsewhere (npm run fake-tiktok). POST /__fake/faults takes a rule or
 * a list of rules as JSON ({"path":"item_list","times":2,"fault":{"kind":"rate-limit","retryAfter":5}});
 * DELETE /__fake/faults clears them; GET /__fake/health describes the fake.
 */
export const controlRoutes = (faults: FaultRegistry, corpus: Corpus, describe: () => object): Router => {
  const router = Router();
  router.use(express.json({ limit: "100kb" }));
  router.post("/faults", (request: Request, response: Response) => {
    const parsed = parseFaultJson(request.body);
    if (!parsed.ok) return sendJson(response, { error: parsed.error }, 400);
    for (const rule of parsed.value) faults.add(rule);
    sendJson(response, { added: parsed.value.length }, 201);
  });
  router.delete("/faults", (_request: Request, response: Response) => {
    faults.clear();
    response.status(204).end();
  });
  router.get("/health", (_request: Request, response: Response) =>
    sendJson(response, { ...describe(), seed: corpus.seed, tags: corpus.tags() }),
  );
  return router;
};
