import type { Chart as ChartJs } from 'chart.js';

// Chart.js comes from its npm package's browser build, loaded by dashboard.html.
declare const Chart: typeof ChartJs;

const PALETTE = ['#0969da', '#bf3989', '#1a7f37', '#9a6700', '#8250df', '#cf222e', '#57606a', '#0550ae', '#116329'];

const drawn = new Map<string, ChartJs>();

export interface Series {
  label: string;
  data: number[];
}

/**
 * Draws (or redraws) a bar chart into the canvas with that id. The canvas records how many bars it
 * shows in `data-points`, so tests and benchmarks can tell a drawn chart from an empty one.
 */
export function barChart(id: string, labels: string[], series: Series[], options: { stacked?: boolean; horizontal?: boolean } = {}): void {
  drawn.get(id)?.destroy();
  const canvas = document.getElementById(id) as HTMLCanvasElement;
  const stacked = options.stacked ?? false;
  drawn.set(id, new Chart(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: series.map((entry, index) => ({ ...entry, backgroundColor: PALETTE[index % PALETTE.length] })),
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      indexAxis: options.horizontal ? 'y' : 'x',
      scales: { x: { stacked }, y: { stacked } },
      plugins: { legend: { display: series.length > 1, position: 'bottom' } },
    },
  }));
  canvas.dataset.points = String(series.reduce((count, entry) => count + entry.data.length, 0));
  // For `npm run bench:dashboard`: when each chart appeared, in the browser's own clock.
  if (performance.getEntriesByName('first-chart').length === 0) performance.mark('first-chart');
}
