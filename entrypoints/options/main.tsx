import { render } from "preact";
import { openMirrorDb } from "../common/mirror/mirror-db.ts";
import { browserPairingStore } from "../common/pairing/browser-pairing-store.ts";
import { PairingPanel } from "../common/pairing/pairing-panel.tsx";
import { App } from "./app.tsx";
import { useCompanion } from "./companion/use-companion.ts";
import { mirrorSource } from "./mirror/mirror-source.ts";
import { startAnalysisWorker } from "./worker/start-analysis-worker.ts";

const source = mirrorSource(openMirrorDb());
const analyser = startAnalysisWorker();

const Dashboard = () => (
  <>
    <PairingPanel
      store={browserPairingStore}
      href={location.href}
      replaceHref={(href) => history.replaceState(null, "", href)}
    />
    <App source={source} analyser={analyser} companion={useCompanion()} defaultSchedule="6h" />
  </>
);

const root = document.getElementById("app");
if (!root) throw new Error("options.html has no #app element");
render(<Dashboard />, root);
