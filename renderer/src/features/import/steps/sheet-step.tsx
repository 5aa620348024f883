// Step 2: the sheet, the header row, the text encoding and hidden rows.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, joinList } from '../../../i18n/index.ts';
import type { ImportWizard } from '../use-import-wizard.ts';
import { ENCODINGS, useLang, Problem, Progress, StepNav } from '../wizard-parts.tsx';

export function SheetStep({ wizard }: { wizard: ImportWizard }) {
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
            {t('common.labelled', { label: t('importer.headers'), value: joinList(summary.headers.filter((h): h is string => Boolean(h)), t) })}
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
