import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { UserError } from "../../companion/cli/user-error.ts";
import { buildProgram } from "../../companion/cli.ts";

/** Runs the program in this process, for checks that end before any store is opened. */
const run = (...args: string[]): Promise<unknown> => {
  const program = buildProgram().exitOverride();
  for (const command of program.commands) command.exitOverride();
  return program.parseAsync(["node", "tiktok-hashtag-analysis", "--data-dir", "/nonexistent", ...args]);
};

describe("the program", () => {
  it("has the issue's commands, each with --help", () => {
    const program = buildProgram();
    expect(program.commands.map((command: Command) => command.name())).toEqual(
      expect.arrayContaining(["frequencies", "import", "export", "hashtags", "start"]),
    );
    for (const command of program.commands) {
      expect(command.description()).not.toBe("");
      expect(command.helpInformation()).toMatch(/^Usage: tiktok-hashtag-analysis \S+ /);
      expect(command.helpInformation()).toContain("-h, --help");
    }
    expect(program.helpInformation()).toMatch(/--data-dir <dir>[\s\S]*--json/);
  });

  it.each([
    [["frequencies", "travel", "--file", "tags.txt"], /either a <hashtag> or --file/],
    [["frequencies"], "Missing hashtag"],
    [["frequencies", "travel", "--number", "many"], 'n must be a whole number of at least 1, got "many"'],
    [
      ["frequencies", "travel", "--since", "2024-02-01", "--until", "2024-01-01"],
      "--since 2024-02-01 is after --until 2024-01-01",
    ],
    [["export", "travel", "--layout", "seed"], "--layout seed writes a folder: give it with --out <folder>"],
    [["export", "travel", "--since", "last tuesday"], /--since: cannot read "last tuesday"/],
    [["import", "--hashtag", "no way", "x.json"], /Invalid hashtag "no way"/],
    [["start", "--port", "70000"], '--port must be 0-65535, got "70000"'],
  ])("refuses %j before touching any data", async (args, message) => {
    const result = run(...args);
    await expect(result).rejects.toThrow(UserError);
    await expect(result).rejects.toThrow(message);
  });
});
