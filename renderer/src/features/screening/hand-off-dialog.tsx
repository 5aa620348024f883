import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScreeningRunRecord } from '../../data/index.ts';
import { VirtualTable } from '../../ui/index.ts';
import { lacksText } from './format.ts';

/** Hands a saved run to the selection pipeline: the candidates, and any near-misses ticked. */
export function HandOffDialog({ run, onClose, onConfirm }: { run: ScreeningRunRecord; onClose: () => void; onConfirm: (nearMissIds: string[]) => Promise<void> }) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const toggle = (id: string) => setPicked((p) => (p.has(id) ? new Set([...p].filter((x) => x !== id)) : new Set([...p, id])));
  return (
    <aside className="card drawer floating" role="dialog" aria-label={t('pipeline.handOffTitle')}>
      <header>
        <h3>{t('pipeline.handOffTitle')}</h3>
        <button type="button" className="link-button" onClick={onClose} aria-label={t('common.close')}>
          ×
        </button>
      </header>
      <p>{t('pipeline.handOffIntro', { candidates: run.candidates.length })}</p>
      {run.nearMisses.length === 0 ? (
        <p className="muted">{t('pipeline.handOffNone')}</p>
      ) : (
        <VirtualTable
          label={t('screening.nearMisses', { count: run.nearMisses.length })}
          columns={[
            { id: 'pick', title: '', width: 0.3 },
            { id: 'employeeId', title: t('screening.columns.employeeId'), width: 0.8 },
            { id: 'name', title: t('screening.columns.name'), width: 0.8 },
            { id: 'department', title: t('screening.columns.department'), width: 1 },
            { id: 'lacks', title: t('pipeline.lacks'), width: 2 },
          ]}
          rowCount={run.nearMisses.length}
          renderCell={(i, c) => {
            const x = run.nearMisses[i];
            if (c === 'pick') return <input type="checkbox" checked={picked.has(x.employeeId)} onChange={() => toggle(x.employeeId)} aria-label={`${x.name}（${x.employeeId}）`} />;
            // What each near-miss lacks, so the officer can judge who deserves a second look.
            if (c === 'lacks') return lacksText(run.profile, x.failed);
            return x[c as 'employeeId' | 'name' | 'department'];
          }}
        />
      )}
      <div className="row">
        <button
          type="button"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await onConfirm([...picked]);
            } finally {
              setBusy(false);
            }
          }}
        >
          {t('pipeline.handOffConfirm', { count: run.candidates.length + picked.size })}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </aside>
  );
}
