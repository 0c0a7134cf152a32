// Preloaded into the CLI by the memory test (node --import): samples the heap while the command runs and
// writes the peak to $HEAP_PROBE_OUT when the process exits.
import { writeFileSync } from "node:fs";

let peak = 0;
const sample = () => {
  peak = Math.max(peak, process.memoryUsage().heapUsed);
};
setInterval(sample, 20).unref();
process.on("exit", () => {
  sample();
  if (process.env.HEAP_PROBE_OUT)
    writeFileSync(process.env.HEAP_PROBE_OUT, JSON.stringify({ peakHeapUsed: peak }));
});
