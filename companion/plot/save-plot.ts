import { coOccurrenceChartConfig } from "../../shared/analysis/co-occurrence-chart.ts";
import type { FrequencyTable } from "../../shared/analysis/hashtag-frequencies.ts";
import { writeFileAtomically } from "../cli/write-file.ts";
import { plotSize } from "./plot-file.ts";
import { renderChartPng } from "./render-chart-png.ts";

/** Renders the co-occurrence bar chart (the extension's chart config) and writes it as a PNG. */
export const saveCoOccurrencePlot = async (table: FrequencyTable, file: string): Promise<void> => {
  const config = coOccurrenceChartConfig(table);
  await writeFileAtomically(file, [renderChartPng(config, plotSize(config.data.labels?.length ?? 0))]);
};
