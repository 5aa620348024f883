// 设置: language, this installation's identity, and what the app is running on.

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../../shared/ipc/contract.ts';
import { recordAudit, useIdentity, useInstallation } from '../../data/index.ts';
import { formatDateTime, LANGUAGES, setLanguage, type Language, LANGUAGE_NAMES } from '../../i18n/index.ts';
import { getPlatform } from '../../platform/index.ts';
import { useAppStore } from '../../store/index.ts';
import { AccountsCard } from './accounts.tsx';
import { SessionCard } from './session-card.tsx';


export function SettingsScreen() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const setLanguagePref = useAppStore((s) => s.setLanguagePref);
  const user = useAppStore((s) => s.user);
  const installation = useInstallation();
  const identity = useIdentity();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void getPlatform().appInfo().then(setInfo);
  }, []);

  const choose = async (next: Language) => {
    setLanguagePref(next);
    setLanguage(next);
    if (user) await recordAudit({ userId: user.id, userName: user.userName }, 'settings.language', 'settings', null, { language: next });
  };

  return (
    <section className="screen settings pad" aria-label={t('settings.title')}>
      <h2>{t('settings.title')}</h2>
      <section className="card">
        <h3>{t('settings.language')}</h3>
        <div className="row" role="radiogroup" aria-label={t('settings.language')}>
          {LANGUAGES.map((l) => (
            <label key={l} className="choice">
              <input type="radio" name="language" checked={language === l} onChange={() => void choose(l)} /> <span lang={l}>{LANGUAGE_NAMES[l]}</span>
            </label>
          ))}
        </div>
        <p className="hint">{t('settings.languageHint')}</p>
      </section>
      {installation && (
        <section className="card">
          <h3>{t('settings.installation')}</h3>
          <dl className="facts">
            <dt>{t('settings.orgName')}</dt>
            <dd>{installation.orgName}</dd>
            <dt>{t('settings.role')}</dt>
            <dd>{installation.role === 'hq' ? t('setup.roleHq') : t('setup.rolePlant')}</dd>
            {installation.plant && (
              <>
                <dt>{t('settings.plant')}</dt>
                <dd>
                  {installation.plant.code} · {installation.plant.name} · {installation.plant.region}
                </dd>
              </>
            )}
            <dt>{t('settings.originId')}</dt>
            <dd className="mono">{installation.originId}</dd>
            <dt>{t('settings.signingKey')}</dt>
            <dd>{identity?.algorithm ? t('settings.signingKeyOk') : t('settings.signingKeyMissing')}</dd>
            <dt>{t('settings.createdAt')}</dt>
            <dd>{formatDateTime(installation.createdAt, language)}</dd>
          </dl>
        </section>
      )}
      {user?.role === 'admin' && <SessionCard actor={{ userId: user.id, userName: user.userName }} />}
      {user?.role === 'admin' && <AccountsCard actor={{ userId: user.id, userName: user.userName }} />}
      {info && (
        <section className="card">
          <h3>{t('settings.about')}</h3>
          <dl className="facts">
            <dt>{t('settings.version')}</dt>
            <dd>{info.version}</dd>
            <dt>{t('settings.platform')}</dt>
            <dd>{getPlatform().kind === 'desktop' ? `${t('settings.desktop')} · Electron ${info.versions.electron}` : t('settings.web')}</dd>
          </dl>
        </section>
      )}
    </section>
  );
}
