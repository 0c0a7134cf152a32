import { describe, expect, it } from "vitest";
import { FaultRegistry } from "./fault-registry.ts";

describe("FaultRegistry", () => {
  it("applies a rule to as many matching requests as `times` says, default once", () => {
    const faults = new FaultRegistry();
    faults.add({ path: "item_list", fault: { kind: "captcha" } });
    faults.add({ path: "item_list", times: 2, fault: { kind: "empty-page" } });
    const take = () => faults.take("www.tiktok.com", "/api/challenge/item_list/?cursor=0")?.kind;
    expect([take(), take(), take(), take()]).toEqual(["captcha", "empty-page", "empty-page", undefined]);
  });

  it("matches host exactly and path by substring or pattern", () => {
    const faults = new FaultRegistry();
    faults.add({
      host: "m.tiktok.com",
      path: "item_list",
      times: Number.POSITIVE_INFINITY,
      fault: { kind: "captcha" },
    });
    faults.add({ path: /\/video\/tos\/\d+\//gu, times: 3, fault: { kind: "slow", ms: 1 } });
    expect(faults.take("www.tiktok.com", "/api/challenge/item_list/")).toBeUndefined();
    for (let index = 0; index < 5; index++)
      expect(faults.take("m.tiktok.com", "/api/challenge/item_list/")?.kind).toBe("captcha");
    // A /g pattern must match every time, not every other time.
    for (let index = 0; index < 3; index++)
      expect(faults.take("v16-webapp-prime.tiktok.com", "/video/tos/123/play.mp4")?.kind).toBe("slow");
    expect(faults.take("v16-webapp-prime.tiktok.com", "/video/tos/123/play.mp4")).toBeUndefined();
  });

  it("clears, and refuses a rule that could never apply", () => {
    const faults = new FaultRegistry();
    faults.add({ path: "/", times: Number.POSITIVE_INFINITY, fault: { kind: "captcha" } });
    faults.clear();
    expect(faults.take("www.tiktok.com", "/tag/x")).toBeUndefined();
    expect(() => faults.add({ path: "/", times: 0, fault: { kind: "captcha" } })).toThrow(
      "fault times must be > 0, got 0",
    );
  });
});
