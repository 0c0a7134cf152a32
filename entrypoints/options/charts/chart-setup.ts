import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  type Plugin,
  PointElement,
  SubTitle,
  Title,
  Tooltip,
} from "chart.js";

/** Chart.js draws on a transparent canvas; a saved PNG should look like the page (and the CLI's plots). */
const whiteBackground: Plugin = {
  id: "white-background",
  beforeDraw: (chart) => {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = "destination-over";
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

// Only what the dashboard's bar and line charts use, so the options page does not carry all of Chart.js.
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
  Title,
  SubTitle,
  Tooltip,
  whiteBackground,
);

export { Chart };
