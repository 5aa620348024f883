// 登录安全: the administrator sets how long a session may sit without input on this
// installation's shared PCs before it signs out.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setSessionPolicy, useSessionPolicy, type Actor } from '../../data/index.ts';
import { sharedFailureText, type Language } from '../../i18n/index.ts';
import { useAppStore } from '../../store/index.ts';
import { Outcome } from '../../ui/index.ts';

export function SessionCard({ actor }: { actor: Actor }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language) as Language;
  const policy = useSessionPolicy();
  const [minutes, setMinutes] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!policy) return null;
  const value = minutes ?? String(policy.idleMinutes);
  return (
    <section className="card" aria-label={t('settings.session.title')}>
      <h3>{t('settings.session.title')}</h3>
      <p className="hint">{t('settings.session.hint')}</p>
      <div className="row">
        <label className="field compact">
          <span>{t('settings.session.idleMinutes')}</span>
          <input type="number" min={1} max={480} className="narrow" value={value} onChange={(e) => setMinutes(e.target.value)} />
        </label>
        <button
          type="button"
          className="secondary"
          disabled={Number(value) === policy.idleMinutes}
          onClick={async () => {
            setNote(null);
            setError(null);
            try {
              await setSessionPolicy(actor, Number(value));
              setMinutes(null);
              setNote(t('settings.session.saved', { minutes: Number(value) }));
            } catch (e) {
              setError(sharedFailureText(e, language) ?? (e as Error).message);
            }
          }}
        >
          {t('settings.session.save')}
        </button>
      </div>
      <Outcome note={note} error={error} />
    </section>
  );
}
