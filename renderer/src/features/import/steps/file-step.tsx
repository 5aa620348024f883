// Step 1: choose one or several files (they go through the wizard one after another), or
// download a template.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATASETS, type DatasetName } from '../../../../../shared/domain/facts/datasets.ts';
import { getPlatform } from '../../../platform/index.ts';
import type { ImportWizard } from '../use-import-wizard.ts';
import { DatasetSelect, FILE_FILTERS, Problem, type QueuedFile } from '../wizard-parts.tsx';

export function FileStep({ wizard, onQueue }: { wizard: ImportWizard; onQueue: (rest: QueuedFile[]) => void }) {
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
    const { templateWorkbook } = await import('../../../../../shared/io/export-dataset.ts');
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
        <DatasetSelect label={t('importer.templateFor')} value={template} onChange={setTemplate} />
        <button type="button" className="secondary" onClick={() => void downloadTemplate()}>
          {t('importer.template')}
        </button>
      </div>
    </section>
  );
}
