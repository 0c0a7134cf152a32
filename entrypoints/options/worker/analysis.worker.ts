/// <reference lib="webworker" />
import { createAnalyser } from "../analysis/analyser.ts";
import { openMirrorDb } from "../mirror/mirror-db.ts";
import { mirrorLoader } from "../mirror/mirror-reader.ts";
import { serveAnalyser } from "./analyser-protocol.ts";

// Counting 100k posts takes long enough to freeze the page; here it only keeps this worker busy.
serveAnalyser(self as unknown as DedicatedWorkerGlobalScope, createAnalyser(mirrorLoader(openMirrorDb())));
