/** Why a run ended early: the person at the terminal (or a service manager) asked it to stop. */
export class StopRequested extends Error {
  constructor(readonly signal: NodeJS.Signals) {
    super(`stopped by ${signal}`);
    this.name = "StopRequested";
  }
}

/**
 * The first SIGINT or SIGTERM aborts `controller`: the current batch is stored, the run is recorded as
 * interrupted and browser and database are closed. A second one exits at once. Returns the undo function.
 */
export const stopOnSignals = (controller: AbortController, warn: (line: string) => void): (() => void) => {
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(signal === "SIGINT" ? 130 : 143);
    warn(`Stopping (${signal}): keeping everything collected so far; press Ctrl+C again to quit at once`);
    controller.abort(new StopRequested(signal));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return () => {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  };
};
