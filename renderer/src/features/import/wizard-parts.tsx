// Pieces every step of the import wizard shares: the stepper, the problem line with its
// details fold, progress with cancel, back/next, and field names in the reader's language.

import { useTranslation } from 'react-i18next';
import { DATASET_NAMES, DATASETS, type DatasetName } from '../../../../shared/domain/facts/datasets.ts';
import { ioMessage } from '../../../../shared/io/messages.ts';
import type { Language } from '../../i18n/index.ts';
import { useAppStore } from '../../store/index.ts';
import { ProgressBar } from '../../ui/index.ts';
import { type ImportWizard, type Step } from './use-import-wizard.ts';

export const STEPS: Step[] = ['file', 'sheet', 'mapping', 'preview', 'mode', 'done'];
export const FILE_FILTERS = [{ name: '表格 Spreadsheets', extensions: ['xlsx', 'xls', 'xlsm', 'et', 'csv', 'txt'] }];
export const ENCODINGS = ['utf-8', 'utf-8-bom', 'gb18030', 'utf-16le', 'utf-16be'] as const;

export function useLang() {
  return useAppStore((s) => s.language) as Language;
}

export function Stepper({ step }: { step: Step }) {
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

export function Problem({ wizard }: { wizard: ImportWizard }) {
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

export function Progress({ wizard }: { wizard: ImportWizard }) {
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

export function StepNav({ onBack, onNext, nextDisabled, nextLabel }: { onBack: () => void; onNext?: () => void; nextDisabled?: boolean; nextLabel?: string }) {
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

export interface QueuedFile {
  name: string;
  bytes: Uint8Array;
}

export function fieldLabel(dataset: DatasetName, field: string, language: string): string {
  const def = DATASETS[dataset].fields.find((f) => f.name === field);
  return def ? (language === 'en' ? def.en : def.zh) : field;
}

/** A labelled choice of dataset, named in the reader's language. */
export function DatasetSelect({ label, value, onChange, ariaLabel }: { label: string; value: DatasetName; onChange: (d: DatasetName) => void; ariaLabel?: string }) {
  const { t } = useTranslation();
  return (
    <label className="field compact">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as DatasetName)} aria-label={ariaLabel}>
        {DATASET_NAMES.map((d) => (
          <option key={d} value={d}>
            {t(`datasets.${d}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
