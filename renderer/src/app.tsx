// The application shell: first-run setup, sign-in, then the navigation and the screens.

import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { can, factModelStore, getDb, signOut, useInstallation, type Capability } from './data/index.ts';
import { LoginScreen } from './features/auth/index.ts';
import { PeopleScreen } from './features/people/index.ts';
import { SetupScreen } from './features/setup/index.ts';
import { useAppStore } from './store/index.ts';
import { hrefOf, useRoute, type Route } from './ui/index.ts';

// The people list is the first screen after sign-in; the others load when first opened, so
// start-up parses less code.
const AuditScreen = lazy(() => import('./features/audit/index.ts').then((m) => ({ default: m.AuditScreen })));
const ImportScreen = lazy(() => import('./features/import/index.ts').then((m) => ({ default: m.ImportScreen })));
const HistoryScreen = lazy(() => import('./features/import/index.ts').then((m) => ({ default: m.HistoryScreen })));
const ScreeningScreen = lazy(() => import('./features/screening/index.ts').then((m) => ({ default: m.ScreeningScreen })));
const PipelineScreen = lazy(() => import('./features/pipeline/index.ts').then((m) => ({ default: m.PipelineScreen })));
const SettingsScreen = lazy(() => import('./features/settings/index.ts').then((m) => ({ default: m.SettingsScreen })));
const EmployeePage = lazy(() => import('./features/people/employee-page.tsx').then((m) => ({ default: m.EmployeePage })));

const NAV: { route: Route; key: string }[] = [
  { route: { name: 'people' }, key: 'nav.people' },
  { route: { name: 'screening' }, key: 'nav.screening' },
  { route: { name: 'pipeline' }, key: 'nav.pipeline' },
  { route: { name: 'import' }, key: 'nav.importer' },
  { route: { name: 'history' }, key: 'nav.history' },
  { route: { name: 'audit' }, key: 'nav.audit' },
  { route: { name: 'settings' }, key: 'nav.settings' },
];

/** What a screen needs; settings (language, own installation) are open to everyone. */
const NEEDS: Record<Route['name'], Capability | null> = { people: 'people', employee: 'people', screening: 'screening', pipeline: 'pipeline', import: 'import', history: 'history', audit: 'audit', settings: null };

function Shell() {
  const { t } = useTranslation();
  const user = useAppStore((s) => s.user)!;
  const setUser = useAppStore((s) => s.setUser);
  const route = useRoute();
  const current = route.name === 'employee' ? 'people' : route.name;
  const allowed = (r: Route) => NEEDS[r.name] === null || can(user, NEEDS[r.name]!);
  // Signed in and the first screen is up: now load the datasets besides the roster.
  useEffect(() => {
    const timer = setTimeout(() => factModelStore().wantAll(), 0);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div className="shell">
      <nav className="sidebar" aria-label={t('app.fullName')}>
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">薪</span>
          <span>{t('app.name')}</span>
        </div>
        <ul>
          {NAV.filter((n) => allowed(n.route)).map((n) => (
            <li key={n.key}>
              <a href={hrefOf(n.route)} aria-current={current === n.route.name ? 'page' : undefined}>
                {t(n.key)}
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
              await signOut(getDb(), { userId: user.id, userName: user.userName });
              setUser(null);
            }}
          >
            {t('nav.signOut')}
          </button>
        </div>
      </nav>
      <main className="content">
        <Suspense fallback={<p className="muted pad">{t('common.loading')}</p>}>
        {!allowed(route) && <p className="muted pad">{t('nav.noAccess')}</p>}
        {allowed(route) && route.name === 'people' && <PeopleScreen />}
        {allowed(route) && route.name === 'employee' && <EmployeePage id={route.id} />}
        {allowed(route) && route.name === 'screening' && <ScreeningScreen />}
        {allowed(route) && route.name === 'pipeline' && <PipelineScreen />}
        {allowed(route) && route.name === 'import' && <ImportScreen />}
        {allowed(route) && route.name === 'history' && <HistoryScreen />}
        {allowed(route) && route.name === 'audit' && <AuditScreen />}
        {route.name === 'settings' && <SettingsScreen />}
        </Suspense>
      </main>
    </div>
  );
}

export function App() {
  const installation = useInstallation();
  const user = useAppStore((s) => s.user);
  // Load the local facts while the officer signs in: the password check and the model load overlap.
  useEffect(() => {
    if (installation) factModelStore().start();
  }, [installation]);
  if (installation === undefined) return null;
  if (installation === null) return <SetupScreen />;
  if (!user) return <LoginScreen installation={installation} />;
  return <Shell />;
}
