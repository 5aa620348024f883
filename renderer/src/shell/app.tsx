// The application shell: first-run setup, sign-in, then the navigation and the screens.

import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { factModelStore, lockDatabase, signOut, useInstallation } from '../data/index.ts';
import { LoginScreen } from '../features/auth/index.ts';
import type { FeatureRoute } from '../features/contract/feature.ts';
import { FEATURES, ROUTES, routeAllowed } from './registry.ts';
import { SetupScreen } from '../features/setup/index.ts';
import { ReviewerScreen } from '../features/review/index.ts';
import { useAppStore } from '../store/index.ts';
import { hrefOf, navigate, useRoute } from '../ui/index.ts';
import { announceSignOut, useSessionGuard } from './session.ts';

const NAV = ROUTES.filter((r) => r.nav);

function Shell({ role }: { role: 'plant' | 'hq' }) {
  const { t } = useTranslation();
  const user = useAppStore((s) => s.user)!;
  const setUser = useAppStore((s) => s.setUser);
  const route = useRoute();
  const def = ROUTES.find((r) => r.name === route.name) ?? ROUTES[0];
  const current = def.highlights ?? def.name;
  const allowed = (r: FeatureRoute) => routeAllowed(r, user, role);
  useSessionGuard(user);
  // Landing on the first screen without access to it (a reviewer's account), go to the first screen this user has.
  useEffect(() => {
    if (route.name !== ROUTES[0].name || routeAllowed(def, user, role)) return;
    const home = NAV.find((r) => routeAllowed(r, user, role));
    if (home) navigate({ name: home.name });
  }, [route.name, def, user, role]);
  // On a tablet the menu opens over the screen; choosing a page closes it.
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [route.name, route.id]);
  return (
    <div className="shell">
      <nav className={`sidebar${menuOpen ? ' open' : ''}`} aria-label={t('app.fullName')}>
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" translate="no">薪</span>
          <span>{t('app.name')}</span>
        </div>
        <button type="button" className="menu-toggle" aria-expanded={menuOpen} onClick={() => setMenuOpen((o) => !o)}>
          {menuOpen ? '✕' : '☰'} {t('nav.menu')}
        </button>
        <ul>
          {NAV.filter(allowed).map((n) => (
            <li key={n.name}>
              <a href={hrefOf({ name: n.name })} aria-current={current === n.name ? 'page' : undefined} onClick={() => setMenuOpen(false)}>
                {t(n.nav!)}
              </a>
            </li>
          ))}
        </ul>
        <div className="sidebar-foot">
          <span className="muted">{t('nav.signedInAs', { name: user.displayName })}</span>
          <button
            type="button"
            className="secondary"
            onClick={async () => {
              await signOut({ userId: user.id, userName: user.userName });
              announceSignOut(user.id);
              // The next person to sign in starts from the first screen, not from this user's last one.
              navigate({ name: ROUTES[0].name });
              setUser(null);
            }}
          >
            {t('nav.signOut')}
          </button>
        </div>
      </nav>
      {FEATURES.map((f) => f.background && <f.background key={f.id} />)}
      <main className="content">
        <Suspense fallback={<p className="muted pad">{t('common.loading')}</p>}>
          {allowed(def) ? <def.screen id={route.id ?? ''} /> : <p className="muted pad">{t('nav.noAccess')}</p>}
        </Suspense>
      </main>
    </div>
  );
}

/** Reviewer mode stands alone: a reviewer opens it on any device, with no installation and no account. */
function ReviewerMode() {
  const { t } = useTranslation();
  return (
    <main className="content standalone">
      <Suspense fallback={<p className="muted pad">{t('common.loading')}</p>}>
        <ReviewerScreen />
      </Suspense>
    </main>
  );
}

/** After the desktop app reloaded a crashed window (electron/main/window.ts): say so, once. */
export function RecoveredNotice({ search = window.location.search }: { search?: string }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState(() => new URLSearchParams(search).get('recovered'));
  useEffect(() => {
    if (reason && typeof history !== 'undefined') history.replaceState(null, '', window.location.pathname + window.location.hash);
  }, [reason]);
  if (!reason) return null;
  return (
    <div role="alert" className="notice card recovered">
      <span>{t('recovered.notice', { reason })}</span>
      <button type="button" className="secondary" onClick={() => setReason(null)}>
        {t('recovered.dismiss')}
      </button>
    </div>
  );
}

export function App() {
  const installation = useInstallation();
  const user = useAppStore((s) => s.user);
  const route = useRoute();
  // The facts are sealed at rest. They are read while the officer signs in and opened when
  // sign-in has unwrapped the key; at sign-out they are let go, with the key.
  const signedIn = user !== null;
  useEffect(() => {
    if (!installation) return;
    const store = factModelStore();
    store.start();
    if (!signedIn) return;
    return () => {
      store.stop();
      lockDatabase();
    };
  }, [installation, signedIn]);
  return (
    <>
      <RecoveredNotice />
      {route.name === 'review' ? <ReviewerMode /> : installation === undefined ? null : installation === null ? <SetupScreen /> : !user ? <LoginScreen installation={installation} /> : <Shell role={installation.role} />}
    </>
  );
}
