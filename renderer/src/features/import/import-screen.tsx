// 导入数据: the import wizard.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { columnLetter } from '../../../../shared/domain/facts/columns.ts';
import { DATASET_NAMES, DATASETS, type DatasetName } from '../../../../shared/domain/facts/datasets.ts';
import { supportsReplacePeriod, type ImportMode } from '../../../../shared/domain/facts/plan.ts';
import type { PreviewRow } from '../../../../shared/io/analyse.ts';
import { ioMessage, issueMessage } from '../../../../shared/io/messages.ts';
import { getPlatform } from '../../platform/index.ts';
import { formatDateTime, type Language } from '../../i18n/index.ts';
import { useAppStore } from '../../store/index.ts';
import { hrefOf, ProgressBar, VirtualTable } from '../../ui/index.ts';
import { useImportWizard, type ImportWizard, type Step } from './use-import-wizard.ts';

const STEPS: Step[] = ['file', 'sheet', 'mapping', 'preview', 'mode', 'done'];
const FILE_FILTERS = [{ name: '表格 Spreadsheets', extensions: ['xlsx', 'xls', 'xlsm', 'et', 'csv', 'txt'] }];
const ENCODINGS = ['utf-8', 'utf-8-bom', 'gb18030', 'utf-16le', 'utf-16be'] as const;

function useLang() {
  return useAppStore((s) => s.language) as Language;
}

function Stepper({ step }: { step: Step }) {
  const { t } = useTranslation();
  return (
    <ol className="stepper" aria-label={t('importer.title')}>
      {STEPS.map((s, i) => (
        <li key={s} aria-current={s === step ? 'step' : undefined} className={STEPS.indexOf(step) > i ? 'done' : ''}>
          {i + 1}. {t(`importer.steps.${s}`)}
        </li>
      ))}
    </ol>
  );
}

function Problem({ wizard }: { wizard: ImportWizard }) {
  const language = useLang();
  const { t } = useTranslation();
  if (!wizard.error) return null;
  return (
    <>
      <p className="error" role="alert">
        {'code' in wizard.error ? ioMessage(wizard.error.code, wizard.error.params, language === 'en' ? 'en' : 'zh') : t(wizard.error.key)}
      </p>
      {wizard.error.detail && (
        <details className="error-detail">
          <summary>{t('importer.errorDetail')}</summary>
          <code>{wizard.error.detail}</code>
        </details>
      )}
    </>
  );
}

function Progress({ wizard }: { wizard: ImportWizard }) {
  const { t } = useTranslation();
  if (wizard.progress === null) return null;
  return (
    <div className="demo-progress">
      <ProgressBar fraction={wizard.progress} label={t('importer.analysing', { percent: Math.round(wizard.progress * 100) })} />
      <button type="button" className="secondary" onClick={() => void wizard.cancel()}>
        {t('importer.cancel')}
      </button>
    </div>
  );
}

function StepNav({ onBack, onNext, nextDisabled, nextLabel }: { onBack: () => void; onNext?: () => void; nextDisabled?: boolean; nextLabel?: string }) {
  const { t } = useTranslation();
  return (
    <div className="row">
      <button type="button" className="secondary" onClick={onBack}>
        {t('importer.back')}
      </button>
      {onNext && (
        <button type="button" className="primary" disabled={nextDisabled} onClick={onNext}>
          {nextLabel ?? t('importer.next')}
        </button>
      )}
    </div>
  );
}

interface QueuedFile {
  name: string;
  bytes: Uint8Array;
}

function FileStep({ wizard, onQueue }: { wizard: ImportWizard; onQueue: (rest: QueuedFile[]) => void }) {
  const { t } = useTranslation();
  const [template, setTemplate] = useState<DatasetName>('roster');
  // Several files (HR, appraisal and course exports of one month) go through the wizard one
  // after another: the first opens now, the rest wait their turn.
  const pick = async () => {
    const files = await getPlatform().openFiles({ title: t('importer.pick'), filters: FILE_FILTERS, multiple: true });
    if (!files[0]) return;
    onQueue(files.slice(1));
    await wizard.open(files[0].name, files[0].bytes);
  };
  const downloadTemplate = async () => {
    const { templateWorkbook } = await import('../../../../shared/io/export-dataset.ts');
    await getPlatform().saveFile({ suggestedName: `${DATASETS[template].zh}导入模板.xlsx`, bytes: templateWorkbook(template), filters: [{ name: 'Excel', extensions: ['xlsx'] }] });
  };
  return (
    <section className="card wizard-step">
      <button type="button" className="primary" onClick={() => void pick()}>
        {t('importer.pick')}
      </button>
      <p className="hint">{t('importer.pickHint')}</p>
      <Problem wizard={wizard} />
      <div className="row">
        <label className="field compact">
          <span>{t('importer.templateFor')}</span>
          <select value={template} onChange={(e) => setTemplate(e.target.value as DatasetName)}>
            {DATASET_NAMES.map((d) => (
              <option key={d} value={d}>
                {t(`datasets.${d}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="secondary" onClick={() => void downloadTemplate()}>
          {t('importer.template')}
        </button>
      </div>
    </section>
  );
}

function SheetStep({ wizard }: { wizard: ImportWizard }) {
  const { t } = useTranslation();
  const language = useLang();
  const [showHidden, setShowHidden] = useState(false);
  const { opened, summary, options } = wizard;
  if (!opened) return null;
  const sheets = opened.sheets.filter((s) => showHidden || !s.hidden || s.name === summary?.sheet);
  return (
    <section className="card wizard-step">
      {opened.duplicateOf && (
        <div className="notice" role="status">
          <p>{t('importer.duplicate', { time: formatDateTime(opened.duplicateOf.createdAt, language), user: opened.duplicateOf.userName, file: opened.duplicateOf.fileName })}</p>
          <div className="row">
            <button type="button" className="primary" onClick={wizard.reset}>
              {t('importer.duplicateSkip')}
            </button>
          </div>
        </div>
      )}
      <dl className="facts">
        <dt>{t('importer.file')}</dt>
        <dd>{opened.fileName}</dd>
        <dt>{t('importer.format')}</dt>
        <dd>{opened.format.toUpperCase()}</dd>
      </dl>
      <div className="row">
        {opened.format === 'csv' && (
          <label className="field compact">
            <span>{t('importer.encoding')}</span>
            <select value={options.encoding ?? opened.encoding ?? 'utf-8'} onChange={(e) => void wizard.analyse({ ...options, encoding: e.target.value as (typeof ENCODINGS)[number] })}>
              {ENCODINGS.map((e) => (
                <option key={e} value={e}>
                  {e}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field compact">
          <span>{t('importer.sheet')}</span>
          <select value={summary?.sheet ?? options.sheet ?? ''} onChange={(e) => void wizard.analyse({ sheet: e.target.value, encoding: options.encoding })}>
            {sheets.map((s) => (
              <option key={s.name} value={s.name}>
                {s.name}
                {s.hidden ? t('importer.hiddenSheet') : ''}
              </option>
            ))}
          </select>
        </label>
        {opened.sheets.some((s) => s.hidden) && (
          <label className="choice">
            <input type="checkbox" checked={showHidden} onChange={(e) => setShowHidden(e.target.checked)} /> {t('importer.showHidden')}
          </label>
        )}
        <label className="field compact">
          <span>{t('importer.headerRow')}</span>
          <input type="number" min={1} className="narrow" value={summary?.headerRow ?? options.headerRow ?? 1} onChange={(e) => void wizard.analyse({ ...options, headerRow: Math.max(1, Number(e.target.value) || 1), mapping: undefined })} />
        </label>
      </div>
      {summary && (
        <>
          <p>
            {t('importer.headers')}：{summary.headers.filter(Boolean).join('、')}
          </p>
          {summary.hiddenRows > 0 && (
            <label className="choice">
              <input type="checkbox" checked={options.includeHidden ?? true} onChange={(e) => void wizard.analyse({ ...options, includeHidden: e.target.checked })} /> {t('importer.hiddenRows', { count: summary.hiddenRows })}，{t('importer.includeHidden')}
            </label>
          )}
        </>
      )}
      <Problem wizard={wizard} />
      <Progress wizard={wizard} />
      <StepNav onBack={wizard.reset} nextDisabled={!summary || wizard.progress !== null} onNext={() => wizard.setStep('mapping')} />
    </section>
  );
}

function MappingStep({ wizard }: { wizard: ImportWizard }) {
  const { t } = useTranslation();
  const language = useLang();
  const { summary, options } = wizard;
  if (!summary) return null;
  const def = DATASETS[summary.dataset];
  const current = (field: string) => summary.mapping.fields[field];
  const choose = (field: string, header: string) => {
    const fields: Record<string, string> = Object.fromEntries(Object.entries(summary.mapping.fields).map(([k, v]) => [k, v.header]));
    if (header) fields[field] = header;
    else delete fields[field];
    void wizard.analyse({ ...options, dataset: summary.dataset, mapping: fields });
  };
  const missing = summary.missing.map((f) => (language === 'en' ? def.fields.find((x) => x.name === f)!.en : def.fields.find((x) => x.name === f)!.zh));
  return (
    <section className="card wizard-step">
      <label className="field compact">
        <span>{t('importer.dataset')}</span>
        <select value={summary.dataset} onChange={(e) => void wizard.setDataset(e.target.value as DatasetName)} aria-label={t('importer.dataset')}>
          {DATASET_NAMES.map((d) => (
            <option key={d} value={d}>
              {t(`datasets.${d}`)}
            </option>
          ))}
        </select>
      </label>
      <table className="plain mapping">
        <thead>
          <tr>
            <th>{t('importer.field')}</th>
            <th>{t('importer.column')}</th>
            <th>{t('importer.confidence')}</th>
          </tr>
        </thead>
        <tbody>
          {def.fields.map((f) => {
            const src = current(f.name);
            const label = language === 'en' ? f.en : f.zh;
            return (
              <tr key={f.name}>
                <td>
                  {label}
                  {f.required && <span className="required"> *{t('importer.required')}</span>}
                </td>
                <td>
                  {src?.kind === 'yearPart' ? (
                    src.header
                  ) : (
                    <select aria-label={label} value={src?.header ?? ''} onChange={(e) => choose(f.name, e.target.value)}>
                      <option value="">{t('importer.notMapped')}</option>
                      {summary.headers.filter(Boolean).map((h) => (
                        <option key={h} value={h}>
                          {h}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
                <td>{src ? <span className={`badge ${src.confidence >= 0.95 ? 'ok' : 'warn'}`}>{Math.round(src.confidence * 100)}%</span> : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {summary.mapping.wide.length > 0 && <p className="hint">{t('importer.wide', { dims: summary.mapping.wide.map((w) => w.dimension).join('、') })}</p>}
      {missing.length > 0 && (
        <p className="error" role="alert">
          {t('importer.missing', { fields: missing.join('、') })}
        </p>
      )}
      <Problem wizard={wizard} />
      <Progress wizard={wizard} />
      <StepNav onBack={() => wizard.setStep('sheet')} nextDisabled={missing.length > 0 || wizard.progress !== null} onNext={() => wizard.setStep('preview')} />
    </section>
  );
}

const PAGE = 200;

function PreviewStep({ wizard }: { wizard: ImportWizard }) {
  const { t } = useTranslation();
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
  const columns = [{ id: '__exclude', title: t('importer.exclude'), width: 0.6 }, { id: '__row', title: t('importer.row'), width: 0.6 }, ...summary.headers.map((h, c) => ({ id: String(c), title: `${letters[c]} ${h}`, width: 1 }))];
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
    if (bytes) await getPlatform().saveFile({ suggestedName: `${summary.file.replace(/\.[^.]+$/, '')}-错误报告.xlsx`, bytes, filters: [{ name: 'Excel', extensions: ['xlsx'] }] });
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
            {t('importer.fixTitle')}：{editing.label}
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
          renderCell={(i, c) => {
            const r = rowAtPosition(i);
            if (!r) return '';
            if (c === '__exclude') return <input type="checkbox" aria-label={`${t('importer.exclude')} ${r.row}`} checked={excludedRows.has(r.row) || (r.hidden && options.includeHidden === false)} onChange={(e) => toggleExclude(r.row, e.target.checked)} />;
            if (c === '__row') return r.row;
            const col = Number(c);
            const found = cellIssues.get(`${r.row}:${letters[col]}`);
            if (!found) return r.cells[col];
            const severity = found.some((x) => x.severity === 'error') ? 'error' : 'warning';
            const field = found.find((x) => x.field)?.field ?? '';
            return (
              <button
                type="button"
                className={`cell-issue ${severity}`}
                title={found.map((x) => x.message).join('\n')}
                onClick={() => field && setEditing({ row: r.row, field, label: found[0].message.split(' ').slice(0, 2).join(' '), value: r.cells[col] })}
              >
                {r.cells[col] || '∅'}
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


function fieldLabel(dataset: DatasetName, field: string, language: string): string {
  const def = DATASETS[dataset].fields.find((f) => f.name === field);
  return def ? (language === 'en' ? def.en : def.zh) : field;
}

function ModeStep({ wizard }: { wizard: ImportWizard }) {
  const { t } = useTranslation();
  const language = useLang();
  const { summary, planned } = wizard;
  const [mode, setMode] = useState<ImportMode>('upsert');
  const [busy, setBusy] = useState(false);
  const { plan } = wizard;
  useEffect(() => {
    void plan(mode);
  }, [mode, plan]);
  if (!summary) return null;
  const modes: ImportMode[] = supportsReplacePeriod(summary.dataset) ? ['insert', 'upsert', 'replacePeriod'] : ['insert', 'upsert'];
  const label = (m: ImportMode) => (m === 'insert' ? t('importer.modeInsert') : m === 'upsert' ? t('importer.modeUpsert') : t('importer.modeReplace', { periods: planned?.mode === 'replacePeriod' ? planned.periods.join('、') : '…' }));
  return (
    <section className="card wizard-step">
      <div role="radiogroup" aria-label={t('importer.steps.mode')} className="modes">
        {modes.map((m) => (
          <label key={m} className="choice">
            <input type="radio" name="mode" checked={mode === m} onChange={() => setMode(m)} /> {label(m)}
          </label>
        ))}
      </div>
      {planned && planned.mode === mode && (
        <>
          <p data-testid="plan-counts">{t('importer.planCounts', planned.counts)}</p>
          {planned.absent.length > 0 && planned.mode !== 'insert' && (
            <p className="note" data-testid="plan-absent">
              {t('importer.absentColumns', { fields: planned.absent.map((f) => fieldLabel(summary.dataset, f, language)).join(language === 'en' ? ', ' : '、') })}
            </p>
          )}
          {planned.changes.length > 0 && (
            <details open>
              <summary>{t('importer.changes', { count: planned.changes.length })}</summary>
              <table className="plain">
                <thead>
                  <tr>
                    <th>{t('importer.key')}</th>
                    <th>{t('importer.field')}</th>
                    <th>{t('importer.before')}</th>
                    <th>{t('importer.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {planned.changes.map((c, i) => (
                    <tr key={i}>
                      <td className="mono">{c.key.split('\u001f').join(' / ')}</td>
                      <td>{fieldLabel(summary.dataset, c.field, language)}</td>
                      <td>{c.before ?? ''}</td>
                      <td>{c.after ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}
        </>
      )}
      <div className="row">
        <button type="button" className="secondary" onClick={() => wizard.setStep('preview')}>
          {t('importer.back')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy || !planned || planned.mode !== mode}
          onClick={async () => {
            setBusy(true);
            await wizard.commit();
            setBusy(false);
          }}
        >
          {busy ? t('importer.committing') : t('importer.commit')}
        </button>
      </div>
    </section>
  );
}

function DoneStep({ wizard, queue, onNext }: { wizard: ImportWizard; queue: QueuedFile[]; onNext: () => void }) {
  const { t } = useTranslation();
  if (!wizard.committed) return null;
  return (
    <section className="card wizard-step" role="status">
      <h3>{t('importer.done')}</h3>
      <p data-testid="import-done">{t('importer.doneCounts', { ...wizard.committed, removed: wizard.committed.removed ?? 0 })}</p>
      <div className="row">
        {queue.length > 0 && (
          <button type="button" className="primary" onClick={onNext}>
            {t('importer.nextFile', { name: queue[0].name, count: queue.length })}
          </button>
        )}
        <button type="button" className={queue.length ? 'secondary' : 'primary'} onClick={wizard.reset}>
          {t('importer.another')}
        </button>
        <a href={hrefOf({ name: 'history' })}>{t('importer.history')}</a>
      </div>
    </section>
  );
}

export function ImportScreen() {
  const { t } = useTranslation();
  const wizard = useImportWizard();
  const [queue, setQueue] = useState<QueuedFile[]>([]);
  const next = () => {
    const [first, ...rest] = queue;
    setQueue(rest);
    wizard.reset();
    void wizard.open(first.name, first.bytes);
  };
  return (
    <section className="screen import" aria-label={t('importer.title')}>
      <header className="toolbar">
        <h2>{t('importer.title')}</h2>
      </header>
      <Stepper step={wizard.step} />
      {wizard.step === 'file' && (
        <>
          {queue.length > 0 && !wizard.opened && (
            <p className="muted" role="status">
              {t('importer.queued', { count: queue.length, names: queue.map((f) => f.name).join('、') })}{' '}
              <button type="button" className="link-button" onClick={next}>
                {t('importer.skipToNext')}
              </button>
            </p>
          )}
          <FileStep wizard={wizard} onQueue={setQueue} />
          <Progress wizard={wizard} />
        </>
      )}
      {wizard.step === 'sheet' && <SheetStep wizard={wizard} />}
      {wizard.step === 'mapping' && <MappingStep wizard={wizard} />}
      {wizard.step === 'preview' && <PreviewStep wizard={wizard} />}
      {wizard.step === 'mode' && <ModeStep wizard={wizard} />}
      {wizard.step === 'done' && <DoneStep wizard={wizard} queue={queue} onNext={next} />}
    </section>
  );
}
