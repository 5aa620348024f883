// Step 3: which column holds which field, with the confidence of each suggestion.

import { useTranslation } from 'react-i18next';
import { DATASETS } from '../../../../../shared/domain/facts/datasets.ts';
import type { ImportWizard } from '../use-import-wizard.ts';
import { DatasetSelect, useLang, Problem, Progress, StepNav } from '../wizard-parts.tsx';
import { joinList } from '../../../i18n/index.ts';

export function MappingStep({ wizard }: { wizard: ImportWizard }) {
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
      <DatasetSelect label={t('importer.dataset')} value={summary.dataset} onChange={(d) => void wizard.setDataset(d)} ariaLabel={t('importer.dataset')} />
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
      {summary.mapping.wide.length > 0 && <p className="hint">{t('importer.wide', { dims: joinList(summary.mapping.wide.map((w) => w.dimension), t) })}</p>}
      {missing.length > 0 && (
        <p className="error" role="alert">
          {t('importer.missing', { fields: joinList(missing, t) })}
        </p>
      )}
      <Problem wizard={wizard} />
      <Progress wizard={wizard} />
      <StepNav onBack={() => wizard.setStep('sheet')} nextDisabled={missing.length > 0 || wizard.progress !== null} onNext={() => wizard.setStep('preview')} />
    </section>
  );
}
