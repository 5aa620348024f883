// The design system: layout pieces, tables and chart wrappers shared by features.

import { lazy } from 'react';

export { textColumns, VirtualTable, windowRows, type TableColumn } from './virtual-table.tsx';
export { ProgressBar } from './progress-bar.tsx';
export { Outcome } from './outcome.tsx';
export { useRoute, navigate, hrefOf, parseRoute, setRoutes, type Route, type RouteDef } from './router.ts';
export type { LineSeries, LineChartProps } from './line-chart.tsx';
export const LineChart = lazy(() => import('./line-chart.tsx'));
export type { BarSeries, BarChartProps } from './histogram-chart.tsx';
export const BarChart = lazy(() => import('./histogram-chart.tsx'));
export { DateInput, parseDateText } from './date-input.tsx';
