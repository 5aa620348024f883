// 导入数据: the import wizard. Each step is its own component in steps/; the wizard's state
// and its worker session live in use-import-wizard.ts; its commands in actions.ts.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useImportWizard } from './use-import-wizard.ts';
import { Stepper, Progress, type QueuedFile } from './wizard-parts.tsx';
import { FileStep } from './steps/file-step.tsx';
import { SheetStep } from './steps/sheet-step.tsx';
import { MappingStep } from './steps/mapping-step.tsx';
import { PreviewStep } from './steps/preview-step.tsx';
import { ModeStep } from './steps/mode-step.tsx';
import { DoneStep } from './steps/done-step.tsx';

export function ImportScreen() {
  const { t } = useTranslation();
  const wizard = useImportWizard();
  const [queue, setQueue] = useState<QueuedFile[]>([]);
  // Which file of several chosen together the wizard is on: 第 2 个，共 5 个.
  const [batch, setBatch] = useState<{ position: number; total: number } | null>(null);
  const next = () => {
    const [first, ...rest] = queue;
    setQueue(rest);
    setBatch((b) => (b ? { ...b, position: b.position + 1 } : null));
    wizard.reset();
    void wizard.open(first.name, first.bytes);
  };
  const queueUp = (rest: QueuedFile[]) => {
    setQueue(rest);
    setBatch(rest.length ? { position: 1, total: rest.length + 1 } : null);
  };
  return (
    <section className="screen import" aria-label={t('importer.title')}>
      <header className="toolbar">
        <h2>{t('importer.title')}</h2>
      </header>
      <Stepper step={wizard.step} />
      {batch && wizard.opened && (
        <p className="muted" data-testid="file-of">
          {t('importer.fileOf', { position: batch.position, total: batch.total, name: wizard.opened.fileName })}
        </p>
      )}
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
          <FileStep wizard={wizard} onQueue={queueUp} />
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
