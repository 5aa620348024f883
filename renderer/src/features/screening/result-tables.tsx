// The result lists: candidates with a badge per criterion, near-misses with what they lack,
// exclusions with the reason, and counts per department or plant. Rows arrive page by page.

import { memo, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../../shared/domain/screening/profile.ts';
import type { CriterionCell, ExcludedRow, PersonRow, ResultList } from '../../../../shared/domain/screening/report.ts';
import { hrefOf, textColumns, VirtualTable } from '../../ui/index.ts';
import { badgeName, formatThreshold, formatValue, labelOf, missText, type BadgeNames } from './format.ts';

/** The catalogue sentences a badge needs, looked up once per table render rather than once per
 *  cell: a slider step repaints every visible row, and a lookup costs more than the badge. */
export interface BadgeText {
  noData: string;
  rank: (cell: CriterionCell) => string;
  names: BadgeNames;
  language: string;
}

export function useBadgeText(): BadgeText {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    // The rank sentence is looked up once with placeholders and filled per cell.
    const rank = t('screening.rank', { rank: '\u0001', cutoff: '\u0002', size: '\u0003' });
    const fill = (cell: CriterionCell) => rank.replace('\u0001', String(cell.rank)).replace('\u0002', String(cell.cutoff)).replace('\u0003', String(cell.groupSize));
    return { noData: t('screening.noDataValue'), rank: fill, names: t('screening.badgeName', { returnObjects: true }) as BadgeNames, language: i18n.language };
  }, [t, i18n.language]);
}

type BadgeProps = { profile: Profile; cell: CriterionCell; text: BadgeText };

const criterionOf = (profile: Profile, id: string) => profile.criteria.find((x) => x.id === id);
const sameCell = (a: CriterionCell, b: CriterionCell) => a.id === b.id && a.passed === b.passed && a.value === b.value && a.threshold === b.threshold && a.rank === b.rank && a.cutoff === b.cutoff && a.groupSize === b.groupSize;

/**
 * A criterion's badge. Memoised on what it shows: a slider step brings every row anew, but in a
 * row only the badge of the criterion being moved changes (an edit keeps the other criteria).
 */
export const Badge = memo(BadgeFor, (a: BadgeProps, b: BadgeProps) => a.text === b.text && sameCell(a.cell, b.cell) && criterionOf(a.profile, a.cell.id) === criterionOf(b.profile, b.cell.id));

function BadgeFor({ profile, cell, text }: BadgeProps) {
  const c = criterionOf(profile, cell.id);
  const value = formatValue(c, cell.value, text.noData);
  const detail = cell.rank ? text.rank(cell) : `${value} ${formatThreshold(c, cell)}`;
  return (
    <span className={`badge ${cell.passed ? 'ok' : 'bad'}`} title={`${labelOf(profile, cell.id, text.language)}${text.language.startsWith('zh') ? '：' : ': '}${detail}`}>
      {cell.passed ? '✓' : '✗'} <span className="badge-name">{badgeName(c, text.names, text.language)}</span> {value}
    </span>
  );
}

function allHeld(rows: readonly unknown[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (rows[i] === undefined) return false;
  return true;
}

/** Rows from .. to-1 of one list of an evaluation; null once a newer evaluation replaced it. */
export type FetchRows = (evaluation: number, list: ResultList, from: number, to: number) => Promise<(PersonRow | ExcludedRow)[] | null>;

/** Rows fetched from the worker page by page: an evaluation brings the first page, scrolling
 *  asks for the pages that come into view. */
const PAGE = 200;
const SCREENING_OVERSCAN = 3;
function usePagedRows<T>(evaluation: number, list: ResultList, first: T[], fetchRows: FetchRows) {
  // Pages fetched for this evaluation; a new evaluation starts again from its first page
  // (derived here, not set during the render, which would render the table twice per step).
  const [fetched, setFetched] = useState<{ evaluation: number; rows: (T | undefined)[] } | null>(null);
  const rows = fetched?.evaluation === evaluation ? fetched.rows : first;
  const asked = useRef(new Set<string>());
  const held = useRef({ evaluation, rows });
  held.current = { evaluation, rows };
  const onVisibleRange = useCallback(
    (from: number, to: number) => {
      for (let page = Math.floor(from / PAGE); page * PAGE < to; page++) {
        const start = page * PAGE;
        const key = `${evaluation}|${page}`;
        if (asked.current.has(key)) continue;
        // The rows in view already arrived with the evaluation: nothing to ask for yet.
        if (allHeld(held.current.rows, Math.max(from, start), Math.min(to, start + PAGE))) continue;
        asked.current.add(key);
        void fetchRows(evaluation, list, start, start + PAGE).then((page) => {
          if (!page) return;
          setFetched((f) => {
            // A newer evaluation is on screen: the late page is dropped.
            if (held.current.evaluation !== evaluation) return f;
            const next = [...(f?.evaluation === evaluation ? f.rows : first)];
            page.forEach((row, k) => (next[start + k] = row as T));
            return { evaluation, rows: next };
          });
        });
      }
    },
    [evaluation, list, first, fetchRows],
  );
  return { rowAt: (i: number) => rows[i], onVisibleRange };
}

export function PeopleTable({ evaluation, first, count, fetchRows, profile, onExplain, label, nearMiss }: { evaluation: number; first: PersonRow[]; count: number; fetchRows: FetchRows; profile: Profile; onExplain: (id: string) => void; label: string; nearMiss?: boolean }) {
  const { t } = useTranslation();
  const { rowAt, onVisibleRange } = usePagedRows(evaluation, nearMiss ? 'nearMisses' : 'candidates', first, fetchRows);
  const text = useBadgeText();
  const explain = t('screening.explain');
  const miss = useMemo(() => ({ noData: text.noData, rank: (cell: CriterionCell) => t('screening.missRank', { rank: cell.rank, cutoff: cell.cutoff }), separator: t('screening.missSeparator'), language: text.language }), [t, text]);
  // Every badge fits: its name (a CJK character is two columns wide), a value and the mark.
  const badgesWidth = useMemo(() => profile.criteria.reduce((n, c) => n + textColumns(badgeName(c, text.names, text.language)) + 12, 0), [profile, text]);
  const columns = [
    { id: 'employeeId', title: t('screening.columns.employeeId'), width: 0.8, minChars: 11 },
    // 工号 and 姓名 keep their content; the table scrolls sideways on a narrow screen.
    { id: 'name', title: t('screening.columns.name'), width: 0.8, minChars: 8 },
    { id: 'department', title: t('screening.columns.department'), width: 1, minChars: 10 },
    { id: 'result', title: nearMiss ? t('screening.onlyMisses', { what: '' }).replace(/[:：]\s*$/, '') : t('screening.columns.result'), width: 4, minChars: nearMiss ? 44 : badgesWidth },
    { id: 'why', title: '', width: 0.6, minChars: 9 },
  ];
  return (
    <VirtualTable
      label={label}
      columns={columns}
      rowCount={count}
      rowHeight={40}
      // Every visible row is rendered again per slider step: a short overscan keeps the step short.
      overscan={SCREENING_OVERSCAN}
      onVisibleRange={onVisibleRange}
      renderCell={(i, c) => {
        const r = rowAt(i);
        if (!r) return c === 'employeeId' ? <span className="muted">…</span> : null;
        if (c === 'employeeId') return <a href={hrefOf({ name: 'employee', id: r.employeeId })} className="mono">{r.employeeId}</a>;
        if (c === 'name') return r.name;
        if (c === 'department') return r.department;
        if (c === 'why')
          return (
            <button type="button" className="link-button" onClick={() => onExplain(r.employeeId)} aria-label={`${explain} ${r.name}`}>
              {explain}
            </button>
          );
        if (nearMiss) return <span className="miss">{t('screening.onlyMisses', { what: missText(profile, r, miss) })}</span>;
        return (
          <span className="badges">
            {r.criteria.map((cell) => (
              <Badge key={cell.id} profile={profile} cell={cell} text={text} />
            ))}
          </span>
        );
      }}
    />
  );
}

export function ExcludedTable({ evaluation, first, count, fetchRows, label }: { evaluation: number; first: ExcludedRow[]; count: number; fetchRows: FetchRows; label: string }) {
  const { t } = useTranslation();
  const { rowAt, onVisibleRange } = usePagedRows(evaluation, 'excluded', first, fetchRows);
  return (
    <VirtualTable
      label={label}
      columns={[
        { id: 'employeeId', title: t('screening.columns.employeeId'), width: 1, minChars: 11 },
        { id: 'name', title: t('screening.columns.name'), width: 1 },
        { id: 'department', title: t('screening.columns.department'), width: 1 },
        { id: 'reason', title: '', width: 2 },
      ]}
      rowCount={count}
      overscan={SCREENING_OVERSCAN}
      onVisibleRange={onVisibleRange}
      renderCell={(i, c) => {
        const x = rowAt(i);
        if (!x) return c === 'employeeId' ? <span className="muted">…</span> : null;
        return c === 'reason' ? t(`screening.reasons.${x.reason}`) : x[c as 'employeeId' | 'name' | 'department'];
      }}
    />
  );
}

export function GroupCounts({ label, column, rows }: { label: string; column: string; rows: { group: string; active: number; candidates: number; nearMisses: number }[] }) {
  const { t } = useTranslation();
  const heading = (key: 'population' | 'candidates' | 'nearMisses') => t(`screening.${key}`, { count: 0 }).replace(/\d+/, '').trim();
  return (
    <table className="plain card" aria-label={label}>
      <thead>
        <tr>
          <th>{column}</th>
          <th>{heading('population')}</th>
          <th>{heading('candidates')}</th>
          <th>{heading('nearMisses')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => (
          <tr key={d.group}>
            <td>{d.group || '—'}</td>
            <td>{d.active}</td>
            <td>{d.candidates}</td>
            <td>{d.nearMisses}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
