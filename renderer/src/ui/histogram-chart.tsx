// A stacked bar chart of a distribution, passing and failing counts per bin, so the officer
// sees where the threshold cuts. Loaded lazily with chart.js.

import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip } from 'chart.js';
import { Bar } from 'react-chartjs-2';

ChartJS.register(CategoryScale, LinearScale, BarElement, Tooltip, Legend);

export interface BarSeries {
  label: string;
  values: number[];
  color: string;
}

export interface BarChartProps {
  labels: string[];
  series: BarSeries[];
  ariaLabel: string;
  stacked?: boolean;
  horizontal?: boolean;
  height?: number;
}

export default function BarChart({ labels, series, ariaLabel, stacked = true, horizontal = false, height = 180 }: BarChartProps) {
  return (
    <div className="chart-box" style={{ height }} data-testid="bar-chart">
      <Bar
        aria-label={ariaLabel}
        role="img"
        data={{ labels, datasets: series.map((s) => ({ label: s.label, data: s.values, backgroundColor: s.color })) }}
        options={{
          indexAxis: horizontal ? 'y' : 'x',
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          scales: { x: { stacked, ticks: { maxRotation: 0, autoSkip: true } }, y: { stacked } },
          plugins: { legend: { display: series.length > 1, position: 'bottom' } },
        }}
      />
    </div>
  );
}
