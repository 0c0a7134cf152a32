import { render } from "preact";
import { App } from "./app.tsx";
import { openMirrorDb } from "./mirror/mirror-db.ts";
import { mirrorSource } from "./mirror/mirror-source.ts";
import { startAnalysisWorker } from "./worker/start-analysis-worker.ts";

const root = document.getElementById("app");
if (!root) throw new Error("options.html has no #app element");
render(
  <App
    source={mirrorSource(openMirrorDb())}
    analyser={startAnalysisWorker()}
    actions={null}
    defaultSchedule="6h"
  />,
  root,
);
