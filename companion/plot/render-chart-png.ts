import { createCanvas } from "canvas";
import { Chart, type ChartConfiguration, type Plugin, registerables } from "chart.js";

Chart.register(...registerables);

/** Chart.js draws on a transparent canvas; the seed's plots had a white background. */
const whiteBackground: Plugin = {
  id: "white-background",
  beforeDraw: (chart) => {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

export interface ChartSize {
  width: number;
  height: number;
}

/** Renders a Chart.js config to PNG bytes on node-canvas. */
export const renderChartPng = (config: ChartConfiguration, size: ChartSize): Buffer => {
  const canvas = createCanvas(size.width, size.height);
  const chart = new Chart(canvas as unknown as HTMLCanvasElement, {
    ...config,
    options: { ...config.options, responsive: false, animation: false, devicePixelRatio: 1 },
    plugins: [...(config.plugins ?? []), whiteBackground],
  });
  try {
    return canvas.toBuffer("image/png");
  } finally {
    chart.destroy();
  }
};
