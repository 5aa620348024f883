// A deliberately naive reference for the screening semantics of DESIGN.md §6: plain objects,
// dates as strings, nested loops. The engine must agree with it on random data.
import type { EmploymentStatus } from '../../shared/domain/employee.ts';
import { addYears, parsePeriod } from '../../shared/domain/periods.ts';
import type { Profile } from '../../shared/domain/screening/profile.ts';

export interface NaiveWorld {
  people: { id: string; department: string; hireDate: string | null; leaveDate: string | null; status: EmploymentStatus | null; certificates: string[] }[];
  scores: { id: string; period: string; score: number; improvement: number | null }[];
  ratings: { id: string; dimension: string; score: number; date: string }[];
  activities: { id: string; type: string; date: string }[];
}

export function naiveEvaluate(w: NaiveWorld, profile: Profile, D: string) {
  const isActive = (p: NaiveWorld['people'][number]) => {
    if (p.hireDate && p.hireDate > D) return false;
    if (p.leaveDate) return p.leaveDate > D;
    return p.status !== 'departed' && p.status !== 'retired';
  };
  const inWindow = (date: string, years: number) => date > addYears(D, -years) && date <= D;
  const end = (period: string) => parsePeriod(period)!.end;
  const pass = (p: NaiveWorld['people'][number], c: Profile['criteria'][number]): boolean => {
    switch (c.kind) {
      case 'percentile': {
        const meanOf = (id: string) => {
          const xs = w.scores.filter((s) => s.id === id && inWindow(end(s.period), c.years)).map((s) => s.score);
          return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
        };
        const mine = meanOf(p.id);
        if (mine === null) return false;
        const group = w.people.filter((q) => isActive(q) && (c.scope === 'company' || q.department === p.department) && meanOf(q.id) !== null);
        const rank = 1 + group.filter((q) => meanOf(q.id)! > mine).length;
        return rank <= Math.ceil((c.topPercent * group.length) / 100 - 1e-9);
      }
      case 'threshold': {
        let xs: { v: number; d: string }[];
        if (c.source === 'performance') xs = w.scores.filter((s) => s.id === p.id && s.improvement !== null && inWindow(end(s.period), c.years)).map((s) => ({ v: s.improvement!, d: end(s.period) }));
        else xs = w.ratings.filter((r) => r.id === p.id && r.dimension === c.metric && inWindow(r.date, c.years)).map((r) => ({ v: r.score, d: r.date }));
        if (!xs.length) return false;
        const vs = xs.map((x) => x.v);
        const value = c.aggregate === 'latest' ? [...xs].sort((a, b) => (a.d < b.d ? -1 : 1)).at(-1)!.v : c.aggregate === 'mean' ? vs.reduce((a, b) => a + b, 0) / vs.length : c.aggregate === 'min' ? Math.min(...vs) : c.aggregate === 'max' ? Math.max(...vs) : vs.reduce((a, b) => a + b, 0);
        return c.op === '>=' ? value >= c.value : c.op === '>' ? value > c.value : c.op === '<=' ? value <= c.value : c.op === '<' ? value < c.value : value === c.value;
      }
      case 'activityCount':
        return w.activities.filter((a) => a.id === p.id && c.types.includes(a.type) && inWindow(a.date, c.years)).length >= c.min;
      case 'certificate':
        return c.anyOf.some((x) => p.certificates.includes(x));
      case 'tenure': {
        if (!p.hireDate || p.hireDate > D) return false;
        let years = Number(D.slice(0, 4)) - Number(p.hireDate.slice(0, 4));
        if (D.slice(5) < p.hireDate.slice(5)) years--;
        return years >= c.minYears;
      }
      case 'organisation':
        return (c.op === 'in') === c.values.includes(p.department);
    }
  };
  const candidates: string[] = [];
  const nearMisses: Record<string, string[]> = {};
  const excluded: string[] = [];
  for (const p of w.people) {
    if (!isActive(p)) {
      excluded.push(p.id);
      continue;
    }
    const failed = profile.criteria.filter((c) => !pass(p, c)).map((c) => c.id);
    if (failed.length === 0) candidates.push(p.id);
    else if (failed.length === 1) nearMisses[p.id] = failed;
  }
  return { candidates, nearMisses, excluded };
}
