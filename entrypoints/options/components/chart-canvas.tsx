import type { ChartConfiguration } from "chart.js";
import type { Ref } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { Chart } from "../charts/chart-setup.ts";

interface ChartCanvasProps {
  config: ChartConfiguration;
  /** What the chart shows, for screen readers (the table beside it carries the numbers). */
  label: string;
  height: number;
  canvasRef?: Ref<HTMLCanvasElement>;
}

/** A Chart.js chart, redrawn whenever its config changes. */
export const ChartCanvas = ({ config, label, height, canvasRef }: ChartCanvasProps) => {
  const ownRef = useRef<HTMLCanvasElement>(null);
  const ref = canvasRef ?? ownRef;
  useEffect(() => {
    const canvas = typeof ref === "function" ? null : ref.current;
    if (!canvas) return;
    const chart = new Chart(canvas, {
      ...config,
      options: { ...config.options, responsive: true, maintainAspectRatio: false },
    });
    canvas.dataset.drawn = chart.ctx ? "true" : "false";
    return () => chart.destroy();
  }, [config, ref]);
  return (
    <div class="chart" style={{ position: "relative", height: `${height}px` }}>
      <canvas ref={ref} role="img" aria-label={label} />
    </div>
  );
};
