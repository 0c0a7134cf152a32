import { z } from "zod";
import type { Fault, FaultRule } from "../types.ts";

/**
 * Faults written by hand: `PATH:KIND[:ARG][@TIMES]` on the command line (item_list:rate-limit:30,
 * /tag/:captcha@inf, video/tos:cut-video:4096), JSON on the control endpoint.
 */

const DEFAULT_ARGUMENT = { "rate-limit": 60, slow: 3000, "cut-video": 1024 } as const;

const SPEC =
  /^(?<path>.+?):(?<kind>rate-limit|captcha|malformed-json|empty-page|odd-items|slow|cut-video)(?::(?<argument>\d+))?(?:@(?<times>\d+|inf))?$/u;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const faultOf = (kind: Fault["kind"], argument: number | undefined): Fault => {
  switch (kind) {
    case "rate-limit":
      return { kind, retryAfter: argument ?? DEFAULT_ARGUMENT[kind] };
    case "slow":
      return { kind, ms: argument ?? DEFAULT_ARGUMENT[kind] };
    case "cut-video":
      return { kind, afterBytes: argument ?? DEFAULT_ARGUMENT[kind] };
    default:
      return { kind };
  }
};

export const parseFaultSpec = (spec: string): Parsed<FaultRule> => {
  const groups = SPEC.exec(spec.trim())?.groups;
  if (!groups?.path || !groups.kind)
    return {
      ok: false,
      error: `Invalid fault ${JSON.stringify(spec)}: expected PATH:KIND[:ARG][@TIMES], KIND one of rate-limit, captcha, malformed-json, empty-page, odd-items, slow, cut-video`,
    };
  const argument = groups.argument === undefined ? undefined : Number(groups.argument);
  const times =
    groups.times === undefined ? 1 : groups.times === "inf" ? Number.POSITIVE_INFINITY : Number(groups.times);
  if (times === 0)
    return { ok: false, error: `Invalid fault ${JSON.stringify(spec)}: @TIMES must be at least 1` };
  return {
    ok: true,
    value: { path: groups.path, times, fault: faultOf(groups.kind as Fault["kind"], argument) },
  };
};

const faultSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("rate-limit"), retryAfter: z.number().int().nonnegative() }),
  z.object({ kind: z.literal("captcha") }),
  z.object({ kind: z.literal("malformed-json") }),
  z.object({ kind: z.literal("empty-page") }),
  z.object({ kind: z.literal("odd-items") }),
  z.object({ kind: z.literal("slow"), ms: z.number().int().nonnegative() }),
  z.object({ kind: z.literal("cut-video"), afterBytes: z.number().int().nonnegative() }),
]);

/** JSON has no RegExp or Infinity: `regex: true` makes path a pattern, times may be "inf". */
const ruleSchema = z.object({
  host: z.string().min(1).optional(),
  path: z.string().min(1),
  regex: z.boolean().optional(),
  times: z.union([z.number().int().positive(), z.literal("inf")]).optional(),
  fault: faultSchema,
});

/** One rule or a list of rules, as POSTed to /__fake/faults. */
export const parseFaultJson = (body: unknown): Parsed<FaultRule[]> => {
  const result = (Array.isArray(body) ? z.array(ruleSchema) : ruleSchema).safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? issue.path.join(".") : "body";
    return { ok: false, error: `Invalid fault rule: ${where}: ${issue?.message ?? "unreadable"}` };
  }
  const rules = Array.isArray(result.data) ? result.data : [result.data];
  try {
    return {
      ok: true,
      value: rules.map(({ host, path, regex, times, fault }) => ({
        ...(host === undefined ? {} : { host }),
        path: regex ? new RegExp(path, "u") : path,
        times: times === "inf" ? Number.POSITIVE_INFINITY : (times ?? 1),
        fault,
      })),
    };
  } catch (error) {
    return {
      ok: false,
      error: `Invalid fault rule: path is not a valid pattern (${(error as Error).message})`,
    };
  }
};
