import { describe, expect, it } from "vitest";
import { parseFaultJson, parseFaultSpec } from "./fault-input.ts";

describe("parseFaultSpec (the CLI's --fault)", () => {
  it("reads PATH:KIND[:ARG][@TIMES]", () => {
    expect(parseFaultSpec("item_list:rate-limit:30")).toEqual({
      ok: true,
      value: { path: "item_list", times: 1, fault: { kind: "rate-limit", retryAfter: 30 } },
    });
    expect(parseFaultSpec("/tag/:captcha@inf")).toEqual({
      ok: true,
      value: { path: "/tag/", times: Number.POSITIVE_INFINITY, fault: { kind: "captcha" } },
    });
    expect(parseFaultSpec("video/tos:cut-video:4096@3")).toEqual({
      ok: true,
      value: { path: "video/tos", times: 3, fault: { kind: "cut-video", afterBytes: 4096 } },
    });
    expect(parseFaultSpec("/@maria/video/1:slow")).toEqual({
      ok: true,
      value: { path: "/@maria/video/1", times: 1, fault: { kind: "slow", ms: 3000 } },
    });
    expect(parseFaultSpec("item_list:empty-page@2")).toMatchObject({ ok: true, value: { times: 2 } });
    expect(parseFaultSpec("item_list:malformed-json")).toMatchObject({
      value: { fault: { kind: "malformed-json" } },
    });
  });

  it("names what is wrong", () => {
    expect(parseFaultSpec("item_list:explode")).toEqual({
      ok: false,
      error:
        'Invalid fault "item_list:explode": expected PATH:KIND[:ARG][@TIMES], KIND one of rate-limit, captcha, malformed-json, empty-page, odd-items, slow, cut-video',
    });
    expect(parseFaultSpec("item_list:captcha@0")).toEqual({
      ok: false,
      error: 'Invalid fault "item_list:captcha@0": @TIMES must be at least 1',
    });
  });
});

describe("parseFaultJson (POST /__fake/faults)", () => {
  it("reads one rule or a list, with regex paths and endless rules", () => {
    const parsed = parseFaultJson([
      { path: "item_list", fault: { kind: "slow", ms: 10 } },
      {
        host: "v16-webapp-prime.tiktok.com",
        path: "^/video/",
        regex: true,
        times: "inf",
        fault: { kind: "captcha" },
      },
    ]);
    expect(parsed).toEqual({
      ok: true,
      value: [
        { path: "item_list", times: 1, fault: { kind: "slow", ms: 10 } },
        {
          host: "v16-webapp-prime.tiktok.com",
          path: /^\/video\//u,
          times: Number.POSITIVE_INFINITY,
          fault: { kind: "captcha" },
        },
      ],
    });
    expect(parseFaultJson({ path: "x", times: 2, fault: { kind: "empty-page" } })).toMatchObject({
      ok: true,
      value: [{ times: 2 }],
    });
  });

  it("rejects bad rules in one line naming the field", () => {
    const missing = parseFaultJson({ fault: { kind: "captcha" } });
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.error).toMatch(/^Invalid fault rule: path: /u);
    const badArgument = parseFaultJson({ path: "x", fault: { kind: "rate-limit", retryAfter: "soon" } });
    expect(!badArgument.ok && badArgument.error).toMatch(/^Invalid fault rule: fault\.retryAfter: /u);
    const badPattern = parseFaultJson({ path: "(", regex: true, fault: { kind: "captcha" } });
    expect(!badPattern.ok && badPattern.error).toMatch(/^Invalid fault rule: path is not a valid pattern/u);
    expect(parseFaultJson(undefined).ok).toBe(false);
  });
});
