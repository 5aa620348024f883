// 账号管理 (administrators only): who can sign in on this machine and with which role. A
// department head is tied to a department and sees only its people in screening and selection.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createUser, resetPassword, ROLES, setUserDepartment, setUserDisabled, useUsers, useFactModel, UserFailure, MIN_PASSWORD_LENGTH, type Actor, type NewUser } from '../../data/index.ts';
import { sharedFailureText, type Language } from '../../i18n/index.ts';
import { useAppStore } from '../../store/index.ts';

const EMPTY: NewUser = { userName: '', displayName: '', role: 'officer', department: null, password: '' };

export function AccountsCard({ actor }: { actor: Actor }) {
  const { t } = useTranslation();
  const users = useUsers();
  const model = useFactModel();
  const departments = model.people?.department.labels.filter(Boolean).sort((a, b) => a.localeCompare(b, 'zh-CN')) ?? [];
  /** The roster's departments, plus a stored one the roster no longer has (so that it stays visible). */
  const departmentChoices = (current: string | null) => (current && !departments.includes(current) ? [current, ...departments] : departments);
  const [draft, setDraft] = useState<NewUser>(EMPTY);
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [resetting, setResetting] = useState<{ id: string; password: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const language = useAppStore((s) => s.language) as Language;
  const failure = (e: unknown) => (e instanceof UserFailure ? t(`accounts.errors.${e.code}`, { min: MIN_PASSWORD_LENGTH }) : (sharedFailureText(e, language) ?? String((e as Error).message)));
  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    try {
      setNotice(await work());
    } catch (e) {
      setNotice(null);
      setError(failure(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card accounts" aria-label={t('accounts.title')}>
      <h3>{t('accounts.title')}</h3>
      <table className="plain">
        <thead>
          <tr>
            <th>{t('accounts.userName')}</th>
            <th>{t('accounts.displayName')}</th>
            <th>{t('accounts.role')}</th>
            <th>{t('accounts.department')}</th>
            <th>{t('accounts.state')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {users?.map((u) => (
            <tr key={u.id}>
              <td className="mono">{u.userName}</td>
              <td>{u.displayName}</td>
              <td>{t(`accounts.roles.${u.role}`)}</td>
              <td>
                {u.role === 'deptHead' && departments.length > 0 ? (
                  // An administrator moves a department head by choosing from the roster's departments.
                  <select
                    aria-label={t('accounts.departmentOf', { name: u.displayName })}
                    value={u.department ?? ''}
                    disabled={busy}
                    onChange={(e) => {
                      // Read the choice now: the controlled select shows the stored value until the change lands.
                      const department = e.target.value;
                      void run(async () => (await setUserDepartment(actor, u.id, department), t('accounts.departmentChanged', { name: u.displayName, department })));
                    }}
                  >
                    {departmentChoices(u.department).map((d) => (
                      <option key={d} value={d}>
                        {d}
                      </option>
                    ))}
                  </select>
                ) : (
                  (u.department ?? '—')
                )}
              </td>
              <td>{u.disabled ? t('accounts.disabled') : t('accounts.enabled')}</td>
              <td className="row-actions">
                <button type="button" className="link-button" disabled={busy || u.id === actor.userId} onClick={() => void run(async () => (await setUserDisabled(actor, u.id, !u.disabled), t(u.disabled ? 'accounts.enabledNotice' : 'accounts.disabledNotice', { name: u.displayName })))}>
                  {u.disabled ? t('accounts.enable') : t('accounts.disable')}
                </button>
                <button type="button" className="link-button" disabled={busy} onClick={() => setResetting({ id: u.id, password: '' })}>
                  {t('accounts.resetPassword')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {resetting && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            const u = users?.find((x) => x.id === resetting.id);
            void run(async () => {
              await resetPassword(actor, resetting.id, resetting.password);
              setResetting(null);
              return t('accounts.passwordReset', { name: u?.displayName ?? '' });
            });
          }}
        >
          <label className="field compact grow">
            <span>{t('accounts.newPasswordFor', { name: users?.find((x) => x.id === resetting.id)?.displayName ?? '' })}</span>
            <input type="password" autoComplete="new-password" value={resetting.password} onChange={(e) => setResetting({ ...resetting, password: e.target.value })} />
          </label>
          <button type="submit" disabled={busy}>
            {t('common.save')}
          </button>
          <button type="button" className="secondary" onClick={() => setResetting(null)}>
            {t('common.cancel')}
          </button>
        </form>
      )}
      <h4>{t('accounts.add')}</h4>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          if (draft.password !== confirm) {
            setError(t('setup.errors.mismatch'));
            return;
          }
          void run(async () => {
            const user = await createUser(actor, draft);
            setDraft(EMPTY);
            setConfirm('');
            return t('accounts.created', { name: user.displayName, userName: user.userName });
          });
        }}
      >
        <label className="field">
          <span>{t('accounts.userName')}</span>
          <input value={draft.userName} autoComplete="off" onChange={(e) => setDraft({ ...draft, userName: e.target.value.trim() })} />
        </label>
        <label className="field">
          <span>{t('accounts.displayName')}</span>
          <input value={draft.displayName} onChange={(e) => setDraft({ ...draft, displayName: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('accounts.role')}</span>
          <select value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value as NewUser['role'], department: e.target.value === 'deptHead' ? (draft.department ?? departments[0] ?? '') : null })}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`accounts.roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
        {draft.role === 'deptHead' && (
          <label className="field">
            <span>{t('accounts.department')}</span>
            {departments.length > 0 ? (
              // Chosen from the roster's departments: a typed name with a typo would see nobody.
              <select value={draft.department ?? ''} onChange={(e) => setDraft({ ...draft, department: e.target.value })}>
                {departments.map((d) => (
                  <option key={d} value={d}>
                    {d}
                  </option>
                ))}
              </select>
            ) : (
              <input value={draft.department ?? ''} onChange={(e) => setDraft({ ...draft, department: e.target.value })} />
            )}
          </label>
        )}
        <label className="field">
          <span>{t('accounts.password')}</span>
          <input type="password" autoComplete="new-password" value={draft.password} onChange={(e) => setDraft({ ...draft, password: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('accounts.confirm')}</span>
          <input type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
        </label>
        <div className="row">
          <button type="submit" disabled={busy}>
            {t('accounts.create')}
          </button>
        </div>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p className="muted" role="status">
          {notice}
        </p>
      )}
    </section>
  );
}
