// A line chart over react-chartjs-2. Imported lazily (see index.ts) so chart.js stays out
// of the start-up chunk.

import { CategoryScale, Chart as ChartJS, Legend, LinearScale, LineElement, PointElement, Tooltip } from 'chart.js';
import { Line } from 'react-chartjs-2';

ChartJS.register(CategoryScale, LinearScale, PointElement, LineElement, Tooltip, Legend);

export interface LineSeries {
  label: string;
  values: (number | null)[];
  color: string;
  axis?: 'left' | 'right';
  format?: (v: number) => string;
}

export interface LineChartProps {
  labels: string[];
  series: LineSeries[];
  ariaLabel: string;
  yMin?: number;
  yMax?: number;
}

export default function LineChart({ labels, series, ariaLabel, yMin, yMax }: LineChartProps) {
  const hasRight = series.some((s) => s.axis === 'right');
  const rightFormat = series.find((s) => s.axis === 'right')?.format;
  return (
    <div className="chart-box" data-testid="line-chart">
      <Line
        aria-label={ariaLabel}
        role="img"
        data={{
          labels,
          datasets: series.map((s) => ({ label: s.label, data: s.values, borderColor: s.color, backgroundColor: s.color, tension: 0.25, spanGaps: true, yAxisID: s.axis === 'right' ? 'y1' : 'y' })),
        }}
        options={{
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          scales: {
            y: { min: yMin, max: yMax },
            ...(hasRight ? { y1: { position: 'right' as const, grid: { drawOnChartArea: false }, ticks: rightFormat ? { callback: (v: string | number) => rightFormat(Number(v)) } : undefined } } : {}),
          },
          plugins: { legend: { position: 'bottom' } },
        }}
      />
    </div>
  );
}
