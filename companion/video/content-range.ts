export type ContentRange =
  | { kind: "range"; start: number; end: number; total: number | null }
  | { kind: "unsatisfied"; total: number };

/** Content-Range of a 206 ("bytes 100-199/1000", "bytes 100-199/*") or a 416 ("bytes *\/1000"). */
export const parseContentRange = (value: string | null | undefined): ContentRange | null => {
  if (!value) return null;
  const unsatisfied = /^bytes \*\/(\d+)$/u.exec(value.trim());
  if (unsatisfied) return { kind: "unsatisfied", total: Number(unsatisfied[1]) };
  const range = /^bytes (\d+)-(\d+)\/(\d+|\*)$/u.exec(value.trim());
  if (!range) return null;
  const [, start, end, total] = range;
  return {
    kind: "range",
    start: Number(start),
    end: Number(end),
    total: total === "*" ? null : Number(total),
  };
};
