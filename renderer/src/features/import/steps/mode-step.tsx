// Step 5: how the rows go in (insert, update, replace a period) and what that will change.

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATASETS, type DatasetName } from '../../../../../shared/domain/facts/datasets.ts';
import { supportsReplacePeriod, type ImportMode } from '../../../../../shared/domain/facts/plan.ts';
import { formatDate } from '../../../i18n/index.ts';
import type { ImportWizard } from '../use-import-wizard.ts';
import { useLang, fieldLabel } from '../wizard-parts.tsx';
import { commitImportAction, type ImportActionContext } from '../actions.ts';
import { undoImport } from '../../../data/index.ts';
import { useAppStore } from '../../../store/index.ts';

export function ModeStep({ wizard }: { wizard: ImportWizard }) {
  const { t } = useTranslation();
  const language = useLang();
  const { summary, planned } = wizard;
  const [mode, setMode] = useState<ImportMode>('upsert');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [otherPlantOk, setOtherPlantOk] = useState(false);
  const user = useAppStore((s) => s.user);
  /** A stored value as the officer reads it: statuses and roles by name, dates and percentages in the locale's form. */
  const shownValue = (dataset: DatasetName, field: string, v: string | number | null): string => {
    if (v === null || v === '') return '';
    const type = DATASETS[dataset].fields.find((f) => f.name === field)?.type;
    if (type === 'status') return t(`status.${v}`, { defaultValue: String(v) });
    if (type === 'date') return formatDate(String(v), language);
    if (type === 'percent' && typeof v === 'number') return `${Math.round(v * 1000) / 10}%`;
    return String(v);
  };
  const ctx: ImportActionContext = { user, language, t, deps: { commit: wizard.commit, undoImport } };
  const { plan } = wizard;
  useEffect(() => {
    void plan(mode);
  }, [mode, plan]);
  if (!summary) return null;
  // A roster of another plant must not go in without a word: the officer says it belongs here.
  const otherPlants = summary.installationPlant ? (summary.plants ?? []).filter((p) => p !== summary.installationPlant) : [];
  const modes: ImportMode[] = supportsReplacePeriod(summary.dataset) ? ['insert', 'upsert', 'replacePeriod'] : ['insert', 'upsert'];
  const label = (m: ImportMode) => (m === 'insert' ? t('importer.modeInsert') : m === 'upsert' ? t('importer.modeUpsert') : t('importer.modeReplace', { periods: (planned?.mode === 'replacePeriod' ? planned.periods : summary.periods).join(language === 'en' ? ', ' : '、') }));
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
          {planned.invalidRows.length > 0 && (
            <p className="note" data-testid="plan-invalid">
              {t('importer.invalidRows', { count: planned.counts.invalid ?? planned.invalidRows.length, rows: planned.invalidRows.join(language === 'en' ? ', ' : '、') })}
            </p>
          )}
          {planned.absent.length > 0 && planned.mode !== 'insert' && (
            <p className="note" data-testid="plan-absent">
              {t('importer.absentColumns', { fields: planned.absent.map((f) => fieldLabel(summary.dataset, f, language)).join(language === 'en' ? ', ' : '、') })}
            </p>
          )}
          {planned.changes.length > 0 && (
            <details open>
              <summary>{t('importer.changes', { count: planned.changes.length })}</summary>
              <p data-testid="changes-by-field">
                {Object.entries(planned.changesByField)
                  .sort((a, b) => b[1] - a[1])
                  .map(([field, n]) => t('importer.fieldChangeCount', { field: fieldLabel(summary.dataset, field, language), count: n }))
                  .join(language === 'en' ? ', ' : '；')}
              </p>
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
                  {/* Grouped by field, values as the officer reads them (离职 → 在职, not departed → active). */}
                  {[...planned.changes]
                    .sort((a, b) => a.field.localeCompare(b.field))
                    .map((c, i) => (
                      <tr key={i}>
                        <td className="mono">{c.key.split('\u001f').join(' / ')}</td>
                        <td>{fieldLabel(summary.dataset, c.field, language)}</td>
                        <td>{shownValue(summary.dataset, c.field, c.before)}</td>
                        <td>{shownValue(summary.dataset, c.field, c.after)}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </details>
          )}
        </>
      )}
      {otherPlants.length > 0 && (
        <div className="card notice" data-testid="plan-other-plant">
          <p>{t('importer.otherPlant', { plants: otherPlants.join(language === 'en' ? ', ' : '、'), own: summary.installationPlant })}</p>
          <label className="choice">
            <input type="checkbox" checked={otherPlantOk} onChange={(e) => setOtherPlantOk(e.target.checked)} /> {t('importer.otherPlantOk', { own: summary.installationPlant })}
          </label>
        </div>
      )}
      <div className="row">
        <button type="button" className="secondary" onClick={() => wizard.setStep('preview')}>
          {t('importer.back')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy || !commitImportAction.enabled(ctx, planned, mode) || (otherPlants.length > 0 && !otherPlantOk)}
          onClick={async () => {
            setBusy(true);
            const outcome = await commitImportAction.perform(ctx);
            setNotice(outcome.notice ?? null);
            setBusy(false);
          }}
        >
          {busy ? t('importer.committing') : t(commitImportAction.label)}
        </button>
      </div>
      {notice && (
        <p className="error" role="alert">
          {notice}
        </p>
      )}
    </section>
  );
}
