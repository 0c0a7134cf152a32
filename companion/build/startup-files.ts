import type { Metafile } from "esbuild";

/** What the bundle loads before any command's action runs: `--help` loads only this. */
export interface StartupFiles {
  /** Output files, the entry first, reached from it through static imports. */
  files: string[];
  bytes: number;
  /** The source files bundled into them (dependencies' as node_modules/...). */
  inputs: string[];
}

/**
 * The entry's output file and every output it reaches through static imports. Chunks reached only through
 * import() (the commands' actions, and what they load) wait until a command asks for them; externals are no
 * output of the build.
 */
export const startupFiles = (metafile: Metafile, entryPoint: string): StartupFiles => {
  const entry = Object.keys(metafile.outputs).find(
    (path) => metafile.outputs[path]?.entryPoint === entryPoint,
  );
  if (entry === undefined) throw new Error(`No output has the entry point ${entryPoint}`);
  const files: string[] = [];
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.shift()!;
    if (files.includes(file)) continue;
    files.push(file);
    for (const imported of metafile.outputs[file]!.imports)
      if (imported.kind === "import-statement" && imported.path in metafile.outputs)
        pending.push(imported.path);
  }
  const inputs = new Set(files.flatMap((file) => Object.keys(metafile.outputs[file]!.inputs)));
  return {
    files,
    bytes: files.reduce((sum, file) => sum + metafile.outputs[file]!.bytes, 0),
    inputs: [...inputs].sort(),
  };
};
