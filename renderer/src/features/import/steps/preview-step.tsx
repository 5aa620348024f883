// Step 4: every row as the file has it, each problem on its cell, fixes in place and row exclusion.

import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { columnLetter } from '../../../../../shared/domain/facts/columns.ts';
import { DATASETS } from '../../../../../shared/domain/facts/datasets.ts';
import type { PreviewRow } from '../../../../../shared/io/analyse.ts';
import { issueMessage } from '../../../../../shared/io/messages.ts';
import { recordAudit } from '../../../data/index.ts';
import { getPlatform } from '../../../platform/index.ts';
import { useAppStore } from '../../../store/index.ts';
import { textColumns, VirtualTable } from '../../../ui/index.ts';
import type { ImportWizard } from '../use-import-wizard.ts';
import { useLang, Progress, StepNav } from '../wizard-parts.tsx';

const PAGE = 200;

export function PreviewStep({ wizard }: { wizard: ImportWizard }) {
  const { t } = useTranslation();
  const user = useAppStore((st) => st.user);
  const language = useLang();
  const { summary, options } = wizard;
  const [pages, setPages] = useState(new Map<number, PreviewRow[]>());
  const loading = useRef(new Set<number>());
  const [editing, setEditing] = useState<{ row: number; field: string; label: string; value: string } | null>(null);
  useEffect(() => {
    setPages(new Map());
    loading.current.clear();
  }, [wizard.version]);
  const load = useCallback(
    (page: number) => {
      if (loading.current.has(page)) return;
      loading.current.add(page);
      void wizard.rows(page * PAGE, (page + 1) * PAGE).then((rows) => setPages((prev) => new Map(prev).set(page, rows)));
    },
    [wizard],
  );
  const cellIssues = useMemo(() => {
    const m = new Map<string, { severity: string; message: string; field: string }[]>();
    for (const i of summary?.issues ?? []) {
      if (i.row <= 0) continue;
      const k = `${i.row}:${i.column}`;
      m.set(k, [...(m.get(k) ?? []), { severity: i.severity, message: issueMessage(i, language === 'en' ? 'en' : 'zh'), field: i.field }]);
    }
    return m;
  }, [summary, language]);
  if (!summary) return null;
  // The officer's choice shows at once; the analysis catches up in the worker.
  const excludedRows = new Set(options.excludedRows ?? []);
  const letters = summary.headers.map((_, c) => columnLetter(c));
  // A fix is kept per row and field; the grid shows it in the field's column, marked as fixed.
  const fieldOfColumn = new Map<number, string>();
  for (const [field, source] of Object.entries(summary.mapping.fields)) if (source.kind === 'column') fieldOfColumn.set(source.column, field);
  const fixes = options.fixes ?? {};
  // Columns as wide as their header, and ids and dates never cut ("2021年11月3日" whole).
  const typeOf = new Map(DATASETS[summary.dataset].fields.map((f) => [f.name, f.type]));
  const columnChars = (c: number, title: string) => {
    const type = typeOf.get(fieldOfColumn.get(c) ?? '');
    const floor = type === 'date' ? 15 : type === 'id' ? 12 : 8;
    return Math.min(24, Math.max(floor, textColumns(title) + 2));
  };
  const columns = [{ id: '__exclude', title: t('importer.exclude'), width: 0.6, minChars: 4 }, { id: '__row', title: t('importer.row'), width: 0.6, minChars: Math.max(5, String(summary.previewRows + 1).length + 1) }, ...summary.headers.map((h, c) => ({ id: String(c), title: `${letters[c]} ${h}`, width: 1, minChars: columnChars(c, `${letters[c]} ${h}`) }))];
  const rowAtPosition = (i: number) => {
    const page = Math.floor(i / PAGE);
    const rows = pages.get(page);
    if (!rows) {
      load(page);
      return null;
    }
    return rows[i % PAGE] ?? null;
  };
  const toggleExclude = (row: number, excluded: boolean) => {
    const set = new Set(options.excludedRows ?? []);
    if (excluded) set.add(row);
    else set.delete(row);
    void wizard.analyse({ ...options, dataset: summary.dataset, excludedRows: [...set] });
  };
  const applyFix = () => {
    if (!editing) return;
    void wizard.analyse({ ...options, dataset: summary.dataset, fixes: { ...(options.fixes ?? {}), [`${editing.row}:${editing.field}`]: editing.value } });
    setEditing(null);
  };
  const saveReport = async () => {
    const bytes = await wizard.errorReport();
    if (!bytes) return;
    const saved = await getPlatform().saveFile({ suggestedName: `${summary.file.replace(/\.[^.]+$/, '')}-错误报告.xlsx`, bytes, filters: [{ name: 'Excel', extensions: ['xlsx'] }] });
    // The report holds the rows' personal data: it leaving the application is recorded.
    if (saved && user) await recordAudit({ userId: user.id, userName: user.userName }, 'import.errorReport', 'dataset', summary.dataset, { file: summary.file, issues: summary.issueCount });
  };
  return (
    <section className="wizard-preview">
      <div className="toolbar">
        <span data-testid="import-counts">{t('importer.counts', { rows: summary.rows, valid: summary.valid, errorRows: summary.errorRows })}</span>
        <button type="button" className="secondary" onClick={() => void saveReport()} disabled={summary.issueCount === 0}>
          {t('importer.errorReport')}
        </button>
        <span className="hint">{t('importer.fixHint')}</span>
      </div>
      {editing && (
        <div className="card fix-bar" role="group" aria-label={t('importer.fixTitle')}>
          <span>
            {t('common.labelled', { label: t('importer.fixTitle'), value: editing.label })}
          </span>
          <input aria-label={t('importer.fixTitle')} value={editing.value} autoFocus onChange={(e) => setEditing({ ...editing, value: e.target.value })} onKeyDown={(e) => e.key === 'Enter' && applyFix()} />
          <button type="button" className="primary" onClick={applyFix}>
            {t('importer.fixApply')}
          </button>
          <button type="button" className="secondary" onClick={() => setEditing(null)}>
            {t('importer.cancel')}
          </button>
        </div>
      )}
      <div className="preview-grid">
        <VirtualTable
          key={wizard.version}
          label={t('importer.steps.preview')}
          columns={columns}
          rowCount={summary.previewRows}
          windowLabels={{ previous: t('common.earlierRows'), next: t('common.laterRows') }}
          renderCell={(i, c) => {
            const r = rowAtPosition(i);
            if (!r) return '';
            if (c === '__exclude') return <input type="checkbox" aria-label={`${t('importer.exclude')} ${r.row}`} checked={excludedRows.has(r.row) || (r.hidden && options.includeHidden === false)} onChange={(e) => toggleExclude(r.row, e.target.checked)} />;
            const excluded = excludedRows.has(r.row) || (r.hidden && options.includeHidden === false);
            const struck = (content: ReactNode) => (excluded ? <span className="row-excluded">{content}</span> : content);
            if (c === '__row') return struck(r.row);
            const col = Number(c);
            const found = cellIssues.get(`${r.row}:${letters[col]}`);
            const columnField = fieldOfColumn.get(col);
            const fixKey = columnField ? `${r.row}:${columnField}` : '';
            const fixed = fixKey in fixes ? fixes[fixKey] : undefined;
            if (!found)
              return struck(
                fixed === undefined ? (
                  r.cells[col]
                ) : (
                  <span className="cell-fixed" title={t('importer.fixedFrom', { value: r.cells[col] || '∅' })}>
                    <span aria-hidden="true">✎ </span>
                    {fixed || '∅'}
                    <span className="sr-only"> {t('importer.fixedMark')}</span>
                  </span>
                ),
              );
            const severity = found.some((x) => x.severity === 'error') ? 'error' : 'warning';
            const field = found.find((x) => x.field)?.field ?? '';
            return (
              <button
                type="button"
                className={`cell-issue ${severity}`}
                title={found.map((x) => x.message).join('\n')}
                onClick={() => field && setEditing({ row: r.row, field, label: found[0].message.split(' ').slice(0, 2).join(' '), value: fixed ?? r.cells[col] })}
              >
                {(fixed ?? r.cells[col]) || '∅'}
              </button>
            );
          }}
        />
        <aside className="card issues" aria-label={t('importer.issues', { count: summary.issueCount })}>
          <h3>{t('importer.issues', { count: summary.issueCount })}</h3>
          {summary.issueCount === 0 ? (
            <p className="muted">{t('importer.noIssues')}</p>
          ) : (
            <ul>
              {summary.issues.slice(0, 300).map((i, k) => (
                <li key={k} className={i.severity}>
                  {issueMessage(i, language === 'en' ? 'en' : 'zh')}
                </li>
              ))}
            </ul>
          )}
        </aside>
      </div>
      <Progress wizard={wizard} />
      <StepNav onBack={() => wizard.setStep('mapping')} nextDisabled={summary.valid === 0 || wizard.progress !== null} onNext={() => wizard.setStep('mode')} />
    </section>
  );
}
