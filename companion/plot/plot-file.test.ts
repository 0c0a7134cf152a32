import { mkdir, mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultPlotPath, plotFileName, plotSize } from "./plot-file.ts";

describe("plot files", () => {
  it("names plots as the seed did, in local time", async () => {
    const at = new Date(2024, 0, 5, 7, 8, 9);
    expect(plotFileName("travel", at)).toBe("travel_2024_01_05_07_08_09.png");
    expect(await defaultPlotPath("/data", "#Travel", at)).toBe(
      join("/data", "travel", "plots", "travel_2024_01_05_07_08_09.png"),
    );
  });

  it("refuses a plots folder linked to outside the data folder", async () => {
    const parent = await mkdtemp(join(tmpdir(), "plot-file-"));
    try {
      await mkdir(join(parent, "data", "travel"), { recursive: true });
      await symlink(parent, join(parent, "data", "travel", "plots"));
      await expect(defaultPlotPath(join(parent, "data"), "travel", new Date())).rejects.toThrow(
        /symbolic link to outside the data folder/u,
      );
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });

  it("makes room for more bars, within limits", () => {
    expect(plotSize(5)).toEqual({ width: 1000, height: 600 });
    expect(plotSize(19)).toEqual({ width: 1000, height: 1245 });
    expect(plotSize(500).height).toBe(4000);
  });
});
