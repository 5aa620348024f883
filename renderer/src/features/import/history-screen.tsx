// 导入历史: every batch, with undo.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { undoImport, useImportBatches, type FactBatchRecord } from '../../data/index.ts';
import { undoImportAction, type ImportActionContext } from './actions.ts';
import { formatDateTime, formatNumber, type Language } from '../../i18n/index.ts';
import { useAppStore } from '../../store/index.ts';

export function HistoryScreen() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language) as Language;
  const user = useAppStore((s) => s.user);
  const batches = useImportBatches();
  const mayUndo = undoImportAction.enabled({ user, language, t, deps: { commit: async () => undefined, undoImport } });
  const [confirming, setConfirming] = useState<FactBatchRecord | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const ctx: ImportActionContext = { user, language, t, deps: { commit: async () => undefined, undoImport } };
  const undo = async (b: FactBatchRecord) => {
    const outcome = await undoImportAction.perform(ctx, b);
    setConfirming(null);
    setMessage(outcome.notice ?? null);
  };
  return (
    <section className="screen history pad" aria-label={t('history.title')}>
      <h2>{t('history.title')}</h2>
      {message && (
        <p className="muted" role="status">
          {message}
        </p>
      )}
      {confirming && (
        <div className="card notice" role="alertdialog" aria-label={t('history.undo')}>
          <p>{t('history.undoConfirm', { file: confirming.fileName })}</p>
          <div className="row">
            <button type="button" className="primary" onClick={() => void undo(confirming)}>
              {t('history.undo')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {batches && batches.length === 0 && <p className="muted">{t('history.empty')}</p>}
      {batches && batches.length > 0 && (
        <table className="plain card" aria-label={t('history.title')}>
          <thead>
            <tr>
              <th>{t('history.time')}</th>
              <th>{t('history.dataset')}</th>
              <th>{t('history.file')}</th>
              <th>{t('history.mode')}</th>
              <th>{t('history.rows')}</th>
              <th>{t('history.user')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {batches.map((b) => (
              <tr key={b.id}>
                <td>{formatDateTime(b.createdAt, language)}</td>
                <td>{t(`datasets.${b.dataset}`)}</td>
                <td>{b.fileName}</td>
                <td>{t(`history.modes.${b.mode}`)}</td>
                <td>{formatNumber(b.counts.rows, language)}</td>
                <td>{b.userName}</td>
                <td>
                  {mayUndo && (
                    <button type="button" className="secondary" onClick={() => setConfirming(b)} aria-label={`${t('history.undo')} ${b.fileName}`}>
                      {t('history.undo')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
