// A stacked bar chart of a distribution, passing and failing counts per bin, so the officer
// sees where the threshold cuts. Loaded lazily with chart.js.

import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip, type ChartType, type Plugin } from 'chart.js';
import { Bar } from 'react-chartjs-2';

ChartJS.register(CategoryScale, LinearScale, BarElement, Tooltip, Legend);

export interface BarSeries {
  label: string;
  values: number[];
  color: string;
}

/** A vertical line across the bars: `at` is a position on the category axis in bar units (0 = the
 *  centre of the first bar, 0.5 = the edge between the first two). */
export interface ChartMarker {
  at: number;
  label: string;
}

declare module 'chart.js' {
  // The type parameter must match chart.js's own declaration to merge with it.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    xinhuoMarker?: { marker?: ChartMarker };
  }
}

export interface BarChartProps {
  marker?: ChartMarker;
  /** A label given as several strings is drawn on several lines. */
  labels: (string | string[])[];
  series: BarSeries[];
  ariaLabel: string;
  stacked?: boolean;
  horizontal?: boolean;
  height?: number;
}

// Draws the marker after the bars, as a dashed line with its label at the top.
const markerPlugin: Plugin<'bar', { marker?: ChartMarker }> = {
  id: 'xinhuoMarker',
  afterDatasetsDraw(chart, _args, options) {
    const marker = options.marker;
    const x = chart.scales.x;
    if (!marker || !x || chart.data.labels!.length === 0) return;
    const step = chart.data.labels!.length > 1 ? x.getPixelForValue(1) - x.getPixelForValue(0) : x.width;
    const px = x.getPixelForValue(0) + marker.at * step;
    if (px < x.left - 1 || px > x.right + 1) return;
    const { ctx, chartArea } = chart;
    ctx.save();
    ctx.strokeStyle = '#b8432f';
    ctx.lineWidth = 2;
    ctx.setLineDash([5, 4]);
    ctx.beginPath();
    ctx.moveTo(px, chartArea.top);
    ctx.lineTo(px, chartArea.bottom);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = '#b8432f';
    ctx.font = '12px sans-serif';
    ctx.textAlign = px > (chartArea.left + chartArea.right) / 2 ? 'right' : 'left';
    ctx.fillText(marker.label, px + (ctx.textAlign === 'right' ? -4 : 4), chartArea.top + 12);
    ctx.restore();
  },
};

export default function BarChart({ labels, series, ariaLabel, stacked = true, horizontal = false, height = 180, marker }: BarChartProps) {
  return (
    <div className="chart-box" style={{ height }} data-testid="bar-chart">
      <Bar
        aria-label={ariaLabel}
        plugins={[markerPlugin]}
        role="img"
        data={{ labels, datasets: series.map((s) => ({ label: s.label, data: s.values, backgroundColor: s.color })) }}
        options={{
          indexAxis: horizontal ? 'y' : 'x',
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          scales: { x: { stacked, ticks: { maxRotation: 0, autoSkip: true } }, y: { stacked } },
          plugins: { legend: { display: series.length > 1, position: 'bottom' }, xinhuoMarker: { marker } },
        }}
      />
    </div>
  );
}
