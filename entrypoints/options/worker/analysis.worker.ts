/// <reference lib="webworker" />
import { openMirrorDb } from "../../common/mirror/mirror-db.ts";
import { createAnalyser } from "../analysis/analyser.ts";
import { withDayCounts } from "../analysis/day-count-analyser.ts";
import { loadHashtagDays, mirrorLoader } from "../mirror/mirror-reader.ts";
import { serveAnalyser } from "./analyser-protocol.ts";

// Counting 100k posts takes long enough to freeze the page; here it only keeps this worker busy.
const db = openMirrorDb();
serveAnalyser(
  self as unknown as DedicatedWorkerGlobalScope,
  withDayCounts(createAnalyser(mirrorLoader(db)), (hashtag) => loadHashtagDays(db, hashtag)),
);
