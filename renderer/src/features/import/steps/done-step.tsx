// Step 6: what was imported, and the next file of several.

import { useTranslation } from 'react-i18next';
import { hrefOf } from '../../../ui/index.ts';
import type { ImportWizard } from '../use-import-wizard.ts';
import type { QueuedFile } from '../wizard-parts.tsx';

export function DoneStep({ wizard, queue, onNext }: { wizard: ImportWizard; queue: QueuedFile[]; onNext: () => void }) {
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
