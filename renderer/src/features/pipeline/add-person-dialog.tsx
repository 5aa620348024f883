// 手动添加: the officer adds someone the run did not bring (a near-miss they know, a person
// recommended by their workshop) to the round, by 工号 from the roster, with the reason.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeopleIndex } from '../../data/index.ts';

export interface FoundPerson {
  employeeId: string;
  name: string;
  department: string;
}

export function findPerson(people: PeopleIndex | null, employeeId: string): FoundPerson | null {
  const row = people?.rowOf.get(employeeId.trim());
  if (!people || row === undefined) return null;
  return { employeeId: employeeId.trim(), name: people.names[row] ?? '', department: people.department.labels[people.department.codes[row]] ?? '' };
}

export function AddPersonDialog({ people, roundName, onClose, onAdd }: { people: PeopleIndex | null; roundName: string; onClose: () => void; onAdd: (p: FoundPerson, reason: string) => Promise<string | null> }) {
  const { t } = useTranslation();
  const [id, setId] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const found = findPerson(people, id);
  return (
    <aside className="card drawer floating" role="dialog" aria-label={t('pipeline.add.title', { round: roundName })}>
      <header>
        <h3>{t('pipeline.add.title', { round: roundName })}</h3>
        <button type="button" className="link-button" onClick={onClose} aria-label={t('common.close')}>
          ×
        </button>
      </header>
      <label className="field">
        <span>{t('pipeline.add.employeeId')}</span>
        <input value={id} onChange={(e) => setId(e.target.value)} inputMode="numeric" autoFocus />
      </label>
      <p className={found ? '' : 'muted'} role="status">
        {found ? `${found.name} · ${found.department}` : id.trim() ? t('pipeline.add.notFound', { id: id.trim() }) : t('pipeline.add.hint')}
      </p>
      <label className="field">
        <span>{t('pipeline.add.reason')}</span>
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} placeholder={t('pipeline.add.reasonPlaceholder')} />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <button
          type="button"
          disabled={!found || !reason.trim()}
          onClick={async () => {
            if (!found) return;
            setError(await onAdd(found, reason.trim()));
          }}
        >
          {t('pipeline.add.confirm')}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </aside>
  );
}
