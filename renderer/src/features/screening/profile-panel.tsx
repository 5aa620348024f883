// The profile on the left: which profile, its name, one card per criterion, adding criteria,
// and the saved runs with their hand-off to selection. A slider step changes one criterion:
// the panel's other parts are memoised on what they show, so that the step re-renders only
// the card being edited (and, when the evaluation arrives, the cards whose pass count moved).

import { memo, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { SEED_PROFILE, type Criterion, type Profile } from '../../../../shared/domain/screening/profile.ts';
import type { ScreeningRunRecord, SnapshotInfo } from '../../data/index.ts';
import { formatDateTime, profileName, type Language } from '../../i18n/index.ts';
import { hrefOf } from '../../ui/index.ts';
import { CriterionEditor } from './criterion-editor.tsx';
import { newCriterion } from './format.ts';

type OnProfile = (p: Profile | ((current: Profile) => Profile)) => void;

export interface ProfilePanelProps {
  profile: Profile;
  /** A new profile, or an update of the current one (criterion edits, so that their callbacks stay stable). */
  onProfile: OnProfile;
  saved: Profile[] | undefined;
  info: SnapshotInfo | null;
  /** How many people in view pass each criterion, from the newest evaluation. */
  passCounts: readonly { id: string; pass: number }[] | undefined;
  canSaveProfile: boolean;
  onSaveProfile: () => void;
  runs: ScreeningRunRecord[] | undefined;
  /** Null when this account may not hand runs over. */
  onHandOff: ((run: ScreeningRunRecord) => void) | null;
  language: Language;
}

export const ProfilePanel = memo(function ProfilePanel({ profile, onProfile, saved, info, passCounts, canSaveProfile, onSaveProfile, runs, onHandOff, language }: ProfilePanelProps) {
  const { t } = useTranslation();
  const setCriterion = useCallback((i: number, c: Criterion) => onProfile((p) => ({ ...p, criteria: p.criteria.map((x, k) => (k === i ? c : x)) })), [onProfile]);
  const removeCriterion = useCallback((i: number) => onProfile((p) => ({ ...p, criteria: p.criteria.filter((_, k) => k !== i) })), [onProfile]);
  return (
    <aside className="profile-editor" aria-label={t('screening.profile')}>
      <h3>{t('screening.profile')}</h3>
      <ProfileChooser id={profile.id} name={profile.name} saved={saved} onProfile={onProfile} canSaveProfile={canSaveProfile} onSaveProfile={onSaveProfile} />
      {profile.criteria.map((c, i) => (
        <CriterionEditor key={c.id} criterion={c} index={i} passCount={passCounts?.find((p) => p.id === c.id)?.pass} onChangeAt={setCriterion} onRemoveAt={removeCriterion} />
      ))}
      <AddCriterion info={info} onProfile={onProfile} />
      <SavedRuns runs={runs} onHandOff={onHandOff} language={language} />
    </aside>
  );
});

const ProfileChooser = memo(function ProfileChooser({ id, name, saved, onProfile, canSaveProfile, onSaveProfile }: { id: string; name: string; saved: Profile[] | undefined; onProfile: OnProfile; canSaveProfile: boolean; onSaveProfile: () => void }) {
  const { t } = useTranslation();
  const seedSaved = saved?.some((p) => p.id === SEED_PROFILE.id) ?? false;
  return (
    <>
      <div className="row">
        <label className="field compact grow">
          <span>{t('screening.chooseProfile')}</span>
          <select
            value={id}
            onChange={(e) => {
              const next = e.target.value === SEED_PROFILE.id && !seedSaved ? SEED_PROFILE : saved?.find((p) => p.id === e.target.value);
              if (next) onProfile(next);
            }}
          >
            {!seedSaved && (
              <option value={SEED_PROFILE.id}>
                {t('profiles.seedName')}
                {t('screening.builtIn')}
              </option>
            )}
            {saved?.map((p) => (
              <option key={p.id} value={p.id}>
                {t('screening.profileVersion', { name: profileName(p.name, t), version: p.version })}
                {'fromHq' in p && p.fromHq ? t('screening.fromHq') : ''}
              </option>
            ))}
            {!saved?.some((p) => p.id === id) && id !== SEED_PROFILE.id && <option value={id}>{name}</option>}
          </select>
        </label>
      </div>
      <div className="row">
        <label className="field compact grow">
          <span>{t('screening.profileName')}</span>
          {/* The built-in profile's name is the product's; a name someone typed is theirs. */}
          <input
            value={profileName(name, t)}
            onChange={(e) => {
              // Read now: the update runs later, when a controlled input shows its old value again.
              const typed = e.target.value;
              onProfile((p) => ({ ...p, name: typed, id: p.id === SEED_PROFILE.id ? `p-${Date.now().toString(36)}` : p.id }));
            }}
          />
        </label>
        <button type="button" className="secondary" disabled={!canSaveProfile} onClick={onSaveProfile}>
          {t('screening.saveProfile')}
        </button>
      </div>
    </>
  );
});

const AddCriterion = memo(function AddCriterion({ info, onProfile }: { info: SnapshotInfo | null; onProfile: OnProfile }) {
  const { t } = useTranslation();
  return (
    <div className="row">
      <select
        aria-label={t('screening.add')}
        value=""
        onChange={(e) => {
          const kind = e.target.value;
          if (kind) onProfile((p) => ({ ...p, criteria: [...p.criteria, newCriterion(kind, info, p.criteria)] }));
        }}
      >
        <option value="">{t('screening.add')}…</option>
        {(['certificate', 'tenure', 'organisation', 'rating', 'activity', 'performance'] as const).map((k) => (
          <option key={k} value={k}>
            {t(`screening.addKinds.${k}`)}
          </option>
        ))}
      </select>
      <button type="button" className="secondary" onClick={() => onProfile(SEED_PROFILE)}>
        {t('screening.reset')}
      </button>
    </div>
  );
});

const SavedRuns = memo(function SavedRuns({ runs, onHandOff, language }: { runs: ScreeningRunRecord[] | undefined; onHandOff: ((run: ScreeningRunRecord) => void) | null; language: Language }) {
  const { t } = useTranslation();
  return (
    <section className="card runs" aria-label={t('screening.runs')}>
      <h4>{t('screening.runs')}</h4>
      {runs && runs.length === 0 && <p className="muted">{t('screening.runsEmpty')}</p>}
      <ul className="timeline">
        {runs?.map((r) => (
          <li key={r.id}>
            {t('screening.runLine', { time: formatDateTime(r.createdAt, language), user: r.userName, name: profileName(r.profileName, t), version: r.profileVersion, asOf: r.asOf, candidates: r.candidates.length, nearMisses: r.nearMisses.length })}{' '}
            {r.handedOff ? (
              <a href={hrefOf({ name: 'pipeline' })} className="muted">
                {t('pipeline.handedOff', { added: r.handedOff.added }) + (r.handedOff.alreadyInPipeline ? t('pipeline.handedOffAlready', { count: r.handedOff.alreadyInPipeline }) : '')}
              </a>
            ) : (
              onHandOff && (
                <button type="button" className="link-button" onClick={() => onHandOff(r)}>
                  {t('pipeline.handOff')}
                </button>
              )
            )}
          </li>
        ))}
      </ul>
    </section>
  );
});
