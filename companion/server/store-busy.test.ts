import { describe, expect, it } from "vitest";
import { isStoreBusy, retryWhileBusy } from "./store-busy.ts";

const busy = () => Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });

describe("isStoreBusy", () => {
  it("knows SQLite's lock errors from the rest", () => {
    expect(isStoreBusy(busy())).toBe(true);
    expect(isStoreBusy(Object.assign(new Error(), { code: "SQLITE_BUSY_SNAPSHOT" }))).toBe(true);
    expect(isStoreBusy(Object.assign(new Error(), { code: "SQLITE_LOCKED" }))).toBe(true);
    expect(isStoreBusy(Object.assign(new Error(), { code: "SQLITE_FULL" }))).toBe(false);
    expect(isStoreBusy(new Error("database is locked"))).toBe(false);
  });
});

describe("retryWhileBusy", () => {
  it("tries again while busy, letting other work run in between", async () => {
    let attempts = 0;
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const result = await retryWhileBusy(
      () => {
        if (++attempts < 3) throw busy();
        return "stored";
      },
      { waitMs: 20 },
    );
    clearInterval(timer);
    expect(result).toBe("stored");
    expect(attempts).toBe(3);
    expect(ticks).toBeGreaterThan(0);
  });

  it("passes other errors through at once, and gives up after its timeout", async () => {
    await expect(
      retryWhileBusy(() => {
        throw new Error("disk I/O error");
      }),
    ).rejects.toThrow("disk I/O error");
    await expect(
      retryWhileBusy(
        () => {
          throw busy();
        },
        { waitMs: 10, timeoutMs: 50 },
      ),
    ).rejects.toMatchObject({ code: "SQLITE_BUSY" });
  });
});
