import { describe, expect, it } from "vitest";
import { referenceSkipReason } from "./reference-memory.ts";

const GIB = 2 ** 30;

describe("referenceSkipReason", () => {
  it("runs the original tool on the 1.35 GB scraper corpus with 22 GiB free, not on the 4.3 GB ItemStruct one", () => {
    expect(referenceSkipReason(1.35e9, 22 * GIB)).toBeNull();
    expect(referenceSkipReason(4.3e9, 22 * GIB)).toBe(
      "skipped: json.load of this 4.0 GiB file needs about 36.0 GiB, 22.0 GiB available",
    );
  });

  it("skips when the estimate passes 80% of the free memory", () => {
    expect(referenceSkipReason(GIB, 11.3 * GIB)).toBeNull();
    expect(referenceSkipReason(GIB, 11.2 * GIB)).not.toBeNull();
  });
});
