import type { Analyser } from "../analysis/analyser.ts";
import { analyserClient } from "./analyser-protocol.ts";

/** The counting worker, as an Analyser the page calls like any other. */
export const startAnalysisWorker = (): Analyser =>
  analyserClient(new Worker(new URL("./analysis.worker.ts", import.meta.url), { type: "module" }));
