/**
 * A command's action whose module is imported only when that command runs: `--help` and every other command then
 * never parse it, nor the store, zod or the parsers it pulls in (in the bundle, each action is its own chunk).
 */
export const lazyAction =
  <Args extends unknown[]>(load: () => Promise<(...args: Args) => unknown>) =>
  async (...args: Args): Promise<void> => {
    const action = await load();
    await action(...args);
  };
