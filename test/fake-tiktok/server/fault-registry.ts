import type { Fault, FaultRule } from "../types.ts";

interface ActiveRule {
  rule: FaultRule;
  remaining: number;
}

/** Injected faults, consumed in the order they were added by the requests they match. */
export class FaultRegistry {
  private rules: ActiveRule[] = [];

  add(rule: FaultRule): void {
    const times = rule.times ?? 1;
    if (!(times > 0)) throw new RangeError(`fault times must be > 0, got ${times}`);
    this.rules.push({ rule, remaining: times });
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault for this request, if any rule matches; the rule's count goes down by one. */
  take(host: string, path: string): Fault | undefined {
    const match = this.rules.find(({ rule }) => matches(rule, host, path));
    if (!match) return undefined;
    match.remaining -= 1;
    if (match.remaining <= 0) this.rules = this.rules.filter((active) => active !== match);
    return match.rule.fault;
  }
}

const matches = (rule: FaultRule, host: string, path: string): boolean => {
  if (rule.host !== undefined && rule.host.toLowerCase() !== host) return false;
  if (typeof rule.path === "string") return path.includes(rule.path);
  // A /g or /y pattern remembers where it last matched; every request must be tested from the start.
  rule.path.lastIndex = 0;
  return rule.path.test(path);
};
