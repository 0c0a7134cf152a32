import { describe, expect, it } from "vitest";
import { networkCsv } from "./network-csv.ts";
import { sampleNetwork } from "./sample-network.ts";

describe("networkCsv", () => {
  it("writes the edge list source,target,weight", () => {
    expect(networkCsv(sampleNetwork)).toBe("source,target,weight\r\ncafé,travel,2\r\na&b<c>,travel,1\r\n");
  });
});
