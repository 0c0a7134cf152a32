import { padEnd } from "../../shared/analysis/python-format.ts";

/** A plain aligned table: columns padded to their widest cell (in code points), no trailing spaces. */
export const formatTextTable = (header: string[], rows: (string | number)[][]): string => {
  const cells = [header, ...rows].map((row) => row.map((cell) => String(cell).replace(/\s+/gu, " ")));
  const widths = header.map((_, column) => Math.max(...cells.map((row) => [...(row[column] ?? "")].length)));
  return cells
    .map((row) =>
      row
        .map((cell, column) => padEnd(cell, widths[column] ?? 0))
        .join("  ")
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join("");
};
