// First run: organisation, this installation's role, the first administrator, and
// optionally the demo plant.

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH, setUp, SetupFailure, validateSetup, type SetupInput } from '../../data/index.ts';
import { useAppStore } from '../../store/index.ts';
import { DEFAULT_DEMO_EMPLOYEES, DemoFields, type DemoSettings } from './demo-panel.tsx';

export function SetupScreen() {
  const { t } = useTranslation();
  const setUser = useAppStore((s) => s.setUser);
  const setPendingDemo = useAppStore((s) => s.setPendingDemo);
  const [orgName, setOrgName] = useState('');
  const [role, setRole] = useState<'plant' | 'hq'>('plant');
  const [plant, setPlant] = useState({ code: '', name: '', region: '' });
  const [admin, setAdmin] = useState({ userName: '', displayName: '', password: '' });
  const [confirm, setConfirm] = useState('');
  const [withDemo, setWithDemo] = useState(false);
  const [demo, setDemo] = useState<DemoSettings>({ employees: DEFAULT_DEMO_EMPLOYEES, seed: '1' });
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input: SetupInput = { orgName, role, plant: role === 'plant' ? plant : null, admin };
    const invalid = validateSetup(input);
    if (invalid) return setError(t(`setup.errors.${invalid}`, { min: MIN_PASSWORD_LENGTH }));
    if (admin.password !== confirm) return setError(t('setup.errors.mismatch'));
    setError(null);
    setWorking(true);
    try {
      const { admin: user } = await setUp(input);
      // The demo loads on the people screen, where its progress and cancel button stay visible.
      setPendingDemo(withDemo ? demo : null);
      setUser({ id: user.id, userName: user.userName, displayName: user.displayName, role: user.role, department: user.department });
    } catch (err) {
      setError(err instanceof SetupFailure ? t(`setup.errors.${err.code}`, { min: MIN_PASSWORD_LENGTH }) : t('setup.errors.failed', { message: (err as Error).message }));
    } finally {
      setWorking(false);
    }
  };

  return (
    <main className="centered">
      <form className="card setup" onSubmit={submit} aria-label={t('setup.title')}>
        <h1>
          <span className="brand-mark" aria-hidden="true">薪</span> {t('setup.title')}
        </h1>
        <p className="muted">{t('setup.subtitle')}</p>

        <fieldset>
          <legend>{t('setup.organisation')}</legend>
          <label className="field">
            <span>{t('setup.orgName')}</span>
            <input value={orgName} onChange={(e) => setOrgName(e.target.value)} placeholder={t('setup.orgPlaceholder')} />
          </label>
          <div className="field" role="radiogroup" aria-label={t('setup.role')}>
            <span>{t('setup.role')}</span>
            <div className="row">
              <label className="choice">
                <input type="radio" name="role" checked={role === 'plant'} onChange={() => setRole('plant')} /> {t('setup.rolePlant')}
              </label>
              <label className="choice">
                <input type="radio" name="role" checked={role === 'hq'} onChange={() => setRole('hq')} /> {t('setup.roleHq')}
              </label>
            </div>
          </div>
          {role === 'plant' && (
            <div className="row">
              <label className="field">
                <span>{t('setup.plantCode')}</span>
                <input value={plant.code} onChange={(e) => setPlant({ ...plant, code: e.target.value })} />
              </label>
              <label className="field grow">
                <span>{t('setup.plantName')}</span>
                <input value={plant.name} onChange={(e) => setPlant({ ...plant, name: e.target.value })} />
              </label>
              <label className="field">
                <span>{t('setup.region')}</span>
                <input value={plant.region} onChange={(e) => setPlant({ ...plant, region: e.target.value })} />
              </label>
            </div>
          )}
        </fieldset>

        <fieldset>
          <legend>{t('setup.admin')}</legend>
          <div className="row">
            <label className="field">
              <span>{t('setup.userName')}</span>
              <input value={admin.userName} autoComplete="username" onChange={(e) => setAdmin({ ...admin, userName: e.target.value })} />
            </label>
            <label className="field">
              <span>{t('setup.displayName')}</span>
              <input value={admin.displayName} onChange={(e) => setAdmin({ ...admin, displayName: e.target.value })} />
            </label>
          </div>
          <div className="row">
            <label className="field">
              <span>{t('setup.password')}</span>
              <input type="password" autoComplete="new-password" value={admin.password} onChange={(e) => setAdmin({ ...admin, password: e.target.value })} />
            </label>
            <label className="field">
              <span>{t('setup.confirm')}</span>
              <input type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
            </label>
          </div>
          <p className="hint">{t('setup.passwordHint', { min: MIN_PASSWORD_LENGTH })}</p>
          <p className="notice card" role="note">{t('setup.atRestWarning')}</p>
        </fieldset>

        <fieldset>
          <legend>
            <label className="choice">
              <input type="checkbox" checked={withDemo} onChange={(e) => setWithDemo(e.target.checked)} /> {t('setup.demo')}
            </label>
          </legend>
          <p className="hint">{t('setup.demoHint')}</p>
          {withDemo && <DemoFields value={demo} onChange={setDemo} />}
        </fieldset>

        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={working}>
          {working ? t('setup.working') : t('setup.submit')}
        </button>
        <a href="#/review" className="hint">
          {t('nav.reviewer')}
        </a>
      </form>
    </main>
  );
}
