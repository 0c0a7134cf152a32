import { checkExportTarget } from "../export/export-target.ts";
import { writeChunks, writeFileAtomically } from "./write-file.ts";

type Chunks = Iterable<string | Buffer> | AsyncIterable<string | Buffer>;

/**
 * Where an analysis command writes: null for stdout (no --out, or `--out -`), else the --out file, checked as
 * export checks it (never the database's files, a regular file only, an existing one only with --force).
 */
export const outputFile = async (
  out: string | undefined,
  options: { dataDir: string; force?: boolean },
): Promise<string | null> =>
  out === undefined || out === "-"
    ? null
    : checkExportTarget(out, { dataDir: options.dataDir, force: options.force === true });

/** Writes to the file outputFile chose (through a temporary file and a rename), or to stdout. */
export const writeOutput = (file: string | null, chunks: Chunks): Promise<void> =>
  file === null ? writeChunks(process.stdout, chunks) : writeFileAtomically(file, chunks);
