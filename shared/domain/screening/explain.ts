// The records behind one person's result on one criterion: which quarters, ratings and
// activities were counted, and which fell outside the window.

import { rowAt } from '../facts/columns.ts';
import { addYears } from '../periods.ts';
import { dayNumber, type ScreeningData } from './data.ts';
import type { Criterion } from './profile.ts';
import { METRIC_ZH } from './report.ts';

export interface ExplainedRecord {
  when: string;
  what: string;
  value: string;
  counted: boolean;
}

export function explain(data: ScreeningData, c: Criterion, e: number, asOf: string): ExplainedRecord[] {
  const years = 'years' in c ? c.years : 0;
  const lo = dayNumber(addYears(asOf, -years));
  const hi = dayNumber(asOf);
  const inWindow = (d: number) => d > lo && d <= hi;
  const out: ExplainedRecord[] = [];
  switch (c.kind) {
    case 'percentile':
    case 'threshold': {
      if (c.kind === 'threshold' && c.source === 'rating') {
        const { ratings } = data;
        for (let k = ratings.start[e]; k < ratings.start[e + 1]; k++) {
          if (ratings.dimensions[ratings.dimension[k]] !== c.metric) continue;
          const row = rowAt(data.sources.ratings, ratings.source[k]);
          out.push({ when: String(row.date ?? row.period ?? ''), what: `${c.metric}${row.rater ? `（评价人：${row.rater}）` : ''}`, value: String(row.score), counted: inWindow(ratings.day[k]) });
        }
      } else {
        const metric = c.metric;
        const { perf } = data;
        for (let k = perf.start[e]; k < perf.start[e + 1]; k++) {
          const v = perf.metrics[metric]?.[k];
          if (v === undefined || Number.isNaN(v)) continue;
          out.push({ when: perf.periods[perf.source[k]] ?? '', what: METRIC_ZH[metric] ?? metric, value: String(v), counted: inWindow(perf.day[k]) });
        }
      }
      break;
    }
    case 'activityCount': {
      const { activities } = data;
      for (let k = activities.start[e]; k < activities.start[e + 1]; k++) {
        const type = activities.types[activities.type[k]];
        const row = rowAt(data.sources.activities, activities.source[k]);
        out.push({ when: String(row.date ?? ''), what: type, value: String(row.title ?? ''), counted: inWindow(activities.day[k]) && c.types.includes(type) });
      }
      break;
    }
    case 'certificate':
      for (const cert of data.certificates[e]) out.push({ when: '', what: cert, value: '', counted: c.anyOf.includes(cert) });
      break;
    case 'tenure':
    case 'organisation':
      break;
  }
  return out.sort((a, b) => (a.when < b.when ? 1 : a.when > b.when ? -1 : 0));
}
