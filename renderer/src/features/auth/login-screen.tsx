// Sign-in for later launches.

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { signIn, type Installation } from '../../data/index.ts';
import { useAppStore } from '../../store/index.ts';
import { sharedFailureText, type Language } from '../../i18n/index.ts';

export function LoginScreen({ installation }: { installation: Installation }) {
  const { t } = useTranslation();
  const setUser = useAppStore((s) => s.setUser);
  const [userName, setUserName] = useState('');
  const [password, setPassword] = useState('');
  const [failed, setFailed] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const language = useAppStore((s) => s.language) as Language;
  const [working, setWorking] = useState(false);
  const endedBecause = useAppStore((s) => s.endedBecause);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setWorking(true);
    setFailed(false);
    let user: Awaited<ReturnType<typeof signIn>> = null;
    try {
      user = await signIn(userName.trim(), password);
    } catch (err) {
      // A locked account or one that must wait is told so, in the reader's language.
      const text = sharedFailureText(err, language);
      if (text === null) throw err;
      setWorking(false);
      setRefusal(text);
      setPassword('');
      return;
    }
    setWorking(false);
    setRefusal(null);
    if (!user) {
      setFailed(true);
      setPassword('');
      return;
    }
    setUser({ id: user.id, userName: user.userName, displayName: user.displayName, role: user.role, department: user.department });
  };

  return (
    <main className="centered">
      <form className="card login" onSubmit={submit} aria-label={t('login.title')}>
        <h1>
          <span className="brand-mark" aria-hidden="true" translate="no">薪</span> {t('app.fullName')}
        </h1>
        <p className="muted">
          {installation.orgName}
          {installation.plant ? ` · ${installation.plant.name}` : ''}
        </p>
        <label className="field">
          <span>{t('login.userName')}</span>
          <input value={userName} autoComplete="username" autoFocus onChange={(e) => setUserName(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('login.password')}</span>
          <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {endedBecause && !failed && !refusal && (
          <p className="hint" role="status">
            {t(endedBecause === 'idle' ? 'login.endedIdle' : 'login.endedElsewhere')}
          </p>
        )}
        {(failed || refusal) && (
          <p className="error" role="alert">
            {refusal ?? t('login.failed')}
          </p>
        )}
        <button type="submit" className="primary" disabled={working || !userName || !password}>
          {working ? t('login.working') : t('login.submit')}
        </button>
        <a href="#/review" className="hint">
          {t('nav.reviewer')}
        </a>
      </form>
    </main>
  );
}
