import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundChoice, RoundRecord, ScreeningRunRecord } from '../../data/index.ts';
import { DateInput, VirtualTable } from '../../ui/index.ts';
import { lacksText, today } from './format.ts';

/**
 * Hands a saved run to a selection round (选拔批次): a new one (name, dates, quota) or one
 * already open; the candidates go in, and any near-misses ticked.
 */
export function HandOffDialog({ run, rounds = [], onClose, onConfirm }: { run: ScreeningRunRecord; rounds?: readonly RoundRecord[]; onClose: () => void; onConfirm: (nearMissIds: string[], round: RoundChoice) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [existing, setExisting] = useState<string>('');
  const [name, setName] = useState(`${run.profileName} · ${today()}`);
  const [startsOn, setStartsOn] = useState(today());
  const [endsOn, setEndsOn] = useState('');
  const [quota, setQuota] = useState('15');
  const quotaValue = quota.trim() ? Number(quota) : null;
  const valid = existing !== '' || (name.trim() !== '' && /^\d{4}-\d{2}-\d{2}$/.test(startsOn) && (quotaValue === null || (Number.isInteger(quotaValue) && quotaValue >= 1)));
  const choice = (): RoundChoice => (existing ? { roundId: existing } : { create: { name: name.trim(), startsOn, endsOn: endsOn || null, quota: quotaValue } });
  const toggle = (id: string) => setPicked((p) => (p.has(id) ? new Set([...p].filter((x) => x !== id)) : new Set([...p, id])));
  return (
    <aside className="card drawer floating wide" role="dialog" aria-label={t('pipeline.handOffTitle')}>
      <header>
        <h3>{t('pipeline.handOffTitle')}</h3>
        <button type="button" className="link-button" onClick={onClose} aria-label={t('common.close')}>
          ×
        </button>
      </header>
      <fieldset className="plain round-choice">
        <legend>{t('pipeline.round.legend')}</legend>
        {rounds.length > 0 && (
          <label className="field">
            <span>{t('pipeline.round.into')}</span>
            <select value={existing} onChange={(e) => setExisting(e.target.value)}>
              <option value="">{t('pipeline.round.new')}</option>
              {rounds.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {existing === '' && (
          <div className="round-fields">
            <label className="field round-name">
              <span>{t('pipeline.round.name')}</span>
              <input value={name} onChange={(e) => setName(e.target.value)} />
            </label>
            <label className="field compact">
              <span>{t('pipeline.round.startsOn')}</span>
              <DateInput label={t('pipeline.round.startsOn')} value={startsOn} onChange={setStartsOn} language={i18n.language} placeholder={t('common.datePlaceholder')} pickLabel={t('common.pickDate')} allowEmpty={false} />
            </label>
            <label className="field compact">
              <span>{t('pipeline.round.endsOn')}</span>
              <DateInput label={t('pipeline.round.endsOn')} value={endsOn} onChange={setEndsOn} language={i18n.language} placeholder={t('common.datePlaceholder')} pickLabel={t('common.pickDate')} />
            </label>
            <label className="field compact">
              <span>{t('pipeline.round.quota')}</span>
              <input type="number" min={1} className="narrow" value={quota} onChange={(e) => setQuota(e.target.value)} />
            </label>
          </div>
        )}
      </fieldset>
      <p>{t('pipeline.handOffIntro', { candidates: run.candidates.length })}</p>
      {run.nearMisses.length === 0 ? (
        <p className="muted">{t('pipeline.handOffNone')}</p>
      ) : (
        <VirtualTable
          label={t('screening.nearMisses', { count: run.nearMisses.length })}
          columns={[
            { id: 'pick', title: '', width: 0.3 },
            { id: 'employeeId', title: t('screening.columns.employeeId'), width: 0.8, minChars: 8 },
            { id: 'name', title: t('screening.columns.name'), width: 0.8, minChars: 6 },
            { id: 'department', title: t('screening.columns.department'), width: 1 },
            { id: 'lacks', title: t('pipeline.lacks'), width: 2 },
          ]}
          rowCount={run.nearMisses.length}
          renderCell={(i, c) => {
            const x = run.nearMisses[i];
            if (c === 'pick') return <input type="checkbox" checked={picked.has(x.employeeId)} onChange={() => toggle(x.employeeId)} aria-label={t('common.withNote', { text: x.name, note: x.employeeId })} />;
            // What each near-miss lacks, so the officer can judge who deserves a second look.
            if (c === 'lacks') return lacksText(run.profile, x.failed);
            return x[c as 'employeeId' | 'name' | 'department'];
          }}
        />
      )}
      <div className="row">
        <button
          type="button"
          disabled={busy || !valid}
          onClick={async () => {
            setBusy(true);
            try {
              await onConfirm([...picked], choice());
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
