import stringWidth from "string-width";

const padToWidth = (cell: string, width: number): string =>
  cell + " ".repeat(Math.max(0, width - stringWidth(cell)));

/**
 * A plain aligned table for people: columns padded by terminal display width, so 東京 or emoji hashtags line up
 * (unlike the seed's frequency table, which must pad by code points to match Python byte for byte).
 */
export const formatTextTable = (header: string[], rows: (string | number)[][]): string => {
  const cells = [header, ...rows].map((row) => row.map((cell) => String(cell).replace(/\s+/gu, " ")));
  const widths = header.map((_, column) => Math.max(...cells.map((row) => stringWidth(row[column] ?? ""))));
  return cells
    .map((row) =>
      row
        .map((cell, column) => padToWidth(cell, widths[column] ?? 0))
        .join("  ")
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join("");
};
