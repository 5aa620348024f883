// 培训师筛选: the profile on the left, live results on the right — candidates with a badge
// per criterion, near-misses with the one thing they lack, exclusions, distributions, a
// funnel, per-department counts, the explanation per person, and an Excel export. The screen
// composes panels (profile-panel, results-panel, explain-drawer, hand-off-dialog) and runs
// its commands as actions (actions.ts).

import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, departmentScope, handOffRun, recordAudit, saveProfile, saveRun, useRecentRuns, useRounds, useSavedProfiles, type ScreeningRunRecord } from '../../data/index.ts';
import { getPlatform } from '../../platform/index.ts';
import type { Language } from '../../i18n/index.ts';
import { useAppStore } from '../../store/index.ts';
import { exportAction, handOffAction, saveProfileAction, saveRunAction, type ActionOutcome, type ScreeningAction, type ScreeningActionContext, type ScreeningDeps } from './actions.ts';
import { ExplainDrawer } from './explain-drawer.tsx';
import { HandOffDialog } from './hand-off-dialog.tsx';
import { ProfilePanel, type ProfilePanelProps } from './profile-panel.tsx';
import { ResultsPanel } from './results-panel.tsx';
import { useResult, useScreening, type ResultSource } from './use-screening.ts';
import { DateInput } from '../../ui/index.ts';

/** The real dependencies of the actions: the data layer and the platform's save dialog. */
const DEPS: ScreeningDeps = {
  saveRun,
  saveProfile,
  handOffRun,
  saveFile: async (name, bytes) => (await getPlatform().saveFile({ suggestedName: name, bytes, filters: [{ name: 'Excel', extensions: ['xlsx'] }] })) !== null,
  recordAudit,
};

export function ScreeningScreen() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language) as Language;
  const user = useAppStore((s) => s.user);
  const scope = departmentScope(user);
  // Head office screens the whole group or one plant; a department head, their department.
  const [plant, setPlant] = useState<string | null>(null);
  const view = useMemo(() => (scope !== null ? { department: scope } : plant ? { plant } : {}), [scope, plant]);
  // The screen reopens with the saved profile and the as-of date last used.
  const remembered = useAppStore((st) => st.views.screening) as { profileId: string; asOf: string } | undefined;
  const setView = useAppStore((st) => st.setView);
  const [initial] = useState(remembered);
  const s = useScreening(user?.id ?? '', view, initial?.asOf);
  const saved = useSavedProfiles();
  const restored = useRef(false);
  const { setProfile } = s;
  useEffect(() => {
    if (restored.current || !saved) return;
    restored.current = true;
    const last = initial && saved.find((p) => p.id === initial.profileId);
    if (last) setProfile(last);
  }, [saved, initial, setProfile]);
  useEffect(() => {
    if (s.asOf) setView('screening', { profileId: s.profile.id, asOf: s.asOf });
  }, [s.profile.id, s.asOf, setView]);
  const runs = useRecentRuns();
  const rounds = useRounds();
  const [notice, setNotice] = useState<string | null>(null);
  const [handingOff, setHandingOff] = useState<ScreeningRunRecord | null>(null);
  const actor = user ? { userId: user.id, userName: user.userName } : null;
  const { explainPerson } = s;
  const onExplain = useCallback((id: string) => void explainPerson(id), [explainPerson]);
  // The actions read the newest context through a ref: their buttons keep one callback across
  // slider steps, so the memoised toolbar and profile parts are not re-rendered by a step.
  const context = useRef<ScreeningActionContext | null>(null);
  const apply = useCallback(
    (o: ActionOutcome) => {
      if (o.profile) setProfile(o.profile);
      if (o.notice) setNotice(o.notice);
    },
    [setProfile],
  );
  const perform = useCallback(
    async (a: ScreeningAction) => {
      const c = context.current;
      if (c) apply(await a.perform(c));
    },
    [apply],
  );
  const saveProfile = useCallback(() => void perform(saveProfileAction), [perform]);
  // Whether anything is evaluated yet is the one change of the result the screen itself shows
  // (export and save become possible); the result is read when an action asks for it.
  useResult(s.results, (r) => r !== null);

  if (s.model.version > 0 && s.model.people?.length === 0) return <p className="muted pad">{t('screening.noData')}</p>;
  if (!s.info || !s.asOf) return <p className="muted pad">{t('screening.loading')}</p>;

  const { results } = s;
  const ctx: ScreeningActionContext = {
    actor,
    get evaluated() {
      return results.getState().result;
    },
    profile: s.profile,
    batches: s.batches,
    fullReport: s.fullReport,
    exportWorkbook: s.exportWorkbook,
    deps: DEPS,
    t,
  };
  context.current = ctx;

  return (
    <section className="screen screening" aria-label={t('screening.title')}>
      <ScreeningToolbar
        asOf={s.asOf}
        onAsOf={s.setAsOf}
        department={'department' in view ? (view.department ?? null) : null}
        plants={scope === null && s.info.plants.length > 1 ? s.info.plants : null}
        plant={plant}
        onPlant={setPlant}
        exportEnabled={exportAction.enabled(ctx)}
        saveRunEnabled={saveRunAction.enabled(ctx)}
        onAction={perform}
        notice={notice}
        results={results}
      />
      <div className="screening-layout">
        <LiveProfilePanel
          results={results}
          profile={s.profile}
          onProfile={s.setProfile}
          saved={saved}
          info={s.info}
          canSaveProfile={saveProfileAction.enabled(ctx)}
          onSaveProfile={saveProfile}
          runs={runs}
          onHandOff={can(user, 'screening.handoff') && handOffAction.enabled(ctx) ? setHandingOff : null}
          language={language}
        />
        <ResultsPanel results={results} fetchRows={s.fetchRows} onExplain={onExplain} onShown={s.show} language={language} />
        {handingOff && (
          <HandOffDialog
            run={handingOff}
            onClose={() => setHandingOff(null)}
            rounds={rounds ?? []}
            onConfirm={async (nearMissIds, round) => {
              const outcome = await handOffAction.perform(ctx, { run: handingOff, nearMissIds, round });
              setHandingOff(null);
              apply(outcome);
            }}
          />
        )}
        {s.explained && <ExplainDrawer explained={s.explained} profile={s.profile} onClose={() => s.setExplained(null)} />}
      </div>
    </section>
  );
}

/** The profile panel with the pass counts of the newest evaluation. */
function LiveProfilePanel({ results, ...props }: Omit<ProfilePanelProps, 'passCounts'> & { results: ResultSource }) {
  const passCounts = useResult(results, (r) => r?.report.passCounts);
  return <ProfilePanel {...props} passCounts={passCounts} />;
}

/** The toolbar: the as-of date, the scope, export and save, and how long the evaluation took. */
const ScreeningToolbar = memo(function ScreeningToolbar(p: {
  asOf: string;
  onAsOf: (asOf: string) => void;
  department: string | null;
  plants: string[] | null;
  plant: string | null;
  onPlant: (plant: string | null) => void;
  exportEnabled: boolean;
  saveRunEnabled: boolean;
  onAction: (a: ScreeningAction) => void;
  notice: string | null;
  results: ResultSource;
}) {
  const { t, i18n } = useTranslation();
  return (
    <header className="toolbar">
      <h2>{t('screening.title')}</h2>
      <label className="field compact">
        <span>{t('screening.asOf')}</span>
        <DateInput value={p.asOf} onChange={(v) => v && p.onAsOf(v)} language={i18n.language} placeholder={t('common.datePlaceholder')} pickLabel={t('common.pickDate')} label={t('screening.asOf')} allowEmpty={false} />
      </label>
      {p.department !== null && <span className="badge warn">{t('screening.deptHeadScope', { department: p.department })}</span>}
      {p.plants && (
        <label className="field compact">
          <span>{t('screening.plantScope')}</span>
          <select value={p.plant ?? ''} onChange={(e) => p.onPlant(e.target.value || null)} aria-label={t('screening.plantScope')}>
            <option value="">{t('screening.wholeGroup', { count: p.plants.length })}</option>
            {p.plants.map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </select>
        </label>
      )}
      {([[exportAction, p.exportEnabled], [saveRunAction, p.saveRunEnabled]] as const).map(([a, enabled]) => (
        <button key={a.id} type="button" className="secondary" disabled={!enabled} onClick={() => p.onAction(a)}>
          {t(a.label)}
        </button>
      ))}
      {p.notice && (
        <span className="muted" role="status">
          {p.notice}
        </span>
      )}
      <EvaluatedIn results={p.results} />
    </header>
  );
});

/** How long the newest evaluation took: its own component, so that a result re-renders only this text of the toolbar. */
function EvaluatedIn({ results }: { results: ResultSource }) {
  const { t } = useTranslation();
  const ms = useResult(results, (r) => r?.ms ?? null);
  return ms !== null && <span className="count">{t('screening.evaluated', { ms: Math.max(1, Math.round(ms)) })}</span>;
}
