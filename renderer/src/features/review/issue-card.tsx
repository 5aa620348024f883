// 发出评审包: the officer picks the candidates (selection entries) and the panel, resolves any
// conflict of interest (a reviewer of the candidate's own department) by changing the panel or
// giving a reason, and gets one packet per reviewer.

import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outcome } from '../../ui/index.ts';
import { conflictKey, panelConflicts, type PanelMember } from '../../../../shared/domain/review/panel.ts';
import { STAGE_EN, STAGE_ZH } from '../../../../shared/domain/pipeline/stages.ts';
import { DEFAULT_RUBRIC, rubricProblem, type Rubric } from '../../../../shared/domain/review/rubric.ts';
import { issueReviewPackets, useFactModel, useIssuedRubric, usePipelineEntries, useRounds, type PeopleIndex } from '../../data/index.ts';
import { RubricEditor } from './rubric-editor.tsx';
import { sharedFailureText } from '../../i18n/index.ts';
import { getPlatform } from '../../platform/index.ts';
import { useAppStore } from '../../store/index.ts';

const ROLES: PanelMember['role'][] = ['training', 'business', 'employee'];

/** Up to twelve people of the roster whose name starts with what was typed (then those whose name holds it). */
export function rosterMatches(people: PeopleIndex | null, typed: string, limit = 12): { id: string; name: string; department: string }[] {
  const text = typed.trim();
  if (!people || !text) return [];
  const starts: number[] = [];
  const holds: number[] = [];
  for (let r = 0; r < people.length && starts.length < limit; r++) {
    const name = people.names[r] ?? '';
    if (name.startsWith(text)) starts.push(r);
    else if (holds.length < limit && name.includes(text)) holds.push(r);
  }
  return [...starts, ...holds].slice(0, limit).map((r) => ({ id: people.ids[r] ?? '', name: people.names[r] ?? '', department: people.department.labels[people.department.codes[r]] ?? '' }));
}
// Who can be reviewed: anyone still in the pipeline; those invited or further along are ticked at first.
const OPEN_STAGES = new Set(['shortlisted', 'invited', 'topicSubmitted', 'trialScheduled']);
const TICKED_STAGES = new Set(['invited', 'topicSubmitted', 'trialScheduled']);

export function IssueCard() {
  const { t } = useTranslation();
  const user = useAppStore((s) => s.user)!;
  const language = useAppStore((s) => s.language);
  const entries = usePipelineEntries(user.id);
  const people = useFactModel().people;
  const rounds = useRounds();
  const [roundChoice, setRoundChoice] = useState<string | null>(null);
  // The packets belong to a selection round: the newest unless the officer picks another.
  const round = rounds?.find((r) => r.id === (roundChoice ?? rounds[0]?.id)) ?? null;
  const open = useMemo(() => (entries ?? []).filter((e) => OPEN_STAGES.has(e.stage) && (!round || e.roundId === round.id)), [entries, round]);
  const [picked, setPicked] = useState<ReadonlySet<string> | null>(null);
  const chosen = picked ?? new Set(open.filter((e) => TICKED_STAGES.has(e.stage)).map((e) => e.id));
  const [roundName, setRoundName] = useState('');
  const [panel, setPanel] = useState<PanelMember[]>([{ name: '', role: 'training', department: null }]);
  const [overrides, setOverrides] = useState<Record<string, string>>({});
  const [draft, setDraft] = useState<Rubric>(DEFAULT_RUBRIC);
  // Once the round's first packets are out, further packets use the same rubric.
  const issued = useIssuedRubric(round?.id ?? null);
  const rubric = issued ?? draft;
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const departments = useMemo(() => [...new Set([...(entries ?? []).map((e) => e.department), ...panel.map((m) => m.department).filter((d): d is string => !!d)])].sort((a, b) => a.localeCompare(b, 'zh-CN')), [entries, panel]);
  const candidates = open.filter((e) => chosen.has(e.id)).map((e) => ({ candidateId: e.employeeId, department: e.department, name: e.name }));
  const members = panel.filter((m) => m.name.trim());
  const conflicts = panelConflicts(members, candidates);
  const stage = (s: string) => (language === 'en' ? STAGE_EN : STAGE_ZH)[s as keyof typeof STAGE_ZH];
  const setMember = (i: number, m: Partial<PanelMember>) => setPanel((p) => p.map((x, k) => (k === i ? { ...x, ...m } : x)));
  return (
    <section className="card sync-card" aria-label={t('results.issue.title')}>
      <h3>{t('results.issue.title')}</h3>
      <p className="hint">{t('results.issue.hint')}</p>
      {round && rounds ? (
        <label className="field">
          {t('results.issue.round')}
          <select
            value={round.id}
            onChange={(e) => {
              setRoundChoice(e.target.value);
              setPicked(null);
            }}
          >
            {rounds.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <label className="field">
          {t('results.issue.roundName')}
          <input value={roundName} onChange={(e) => setRoundName(e.target.value)} placeholder={t('results.issue.roundPlaceholder')} />
        </label>
      )}
      <fieldset className="plain">
        <legend>{t('results.issue.candidates', { count: candidates.length })}</legend>
        {open.length === 0 && <p className="muted">{t('results.issue.noCandidates')}</p>}
        <ul className="check-list">
          {open.map((e) => (
            <li key={e.id}>
              <label className="choice">
                <input type="checkbox" checked={chosen.has(e.id)} onChange={() => setPicked(new Set(chosen.has(e.id) ? [...chosen].filter((x) => x !== e.id) : [...chosen, e.id]))} />
                {t('common.withNote', { text: e.name, note: e.employeeId })} · {e.department} · {stage(e.stage)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset className="plain">
        <legend>{t('results.issue.panel')}</legend>
        {panel.map((m, i) => (
          <div key={i} className="row">
            <label className="field compact">
              {t('results.issue.reviewerName')}
              <input
                value={m.name}
                list={`reviewer-roster-${i}`}
                onChange={(e) => {
                  // Chosen from the roster: the department comes with the person (the conflict-of-interest rule needs it).
                  const picked = rosterMatches(people, e.target.value).filter((p) => p.name === e.target.value.trim());
                  setMember(i, picked.length === 1 ? { name: e.target.value, department: picked[0].department || null } : { name: e.target.value });
                }}
                aria-label={`${t('results.issue.reviewerName')} ${i + 1}`}
              />
              <datalist id={`reviewer-roster-${i}`}>
                {rosterMatches(people, m.name).map((p) => (
                  <option key={p.id} value={p.name} label={`${p.id} · ${p.department}`} />
                ))}
              </datalist>
            </label>
            <label className="field compact">
              {t('results.issue.role')}
              <select value={m.role} onChange={(e) => setMember(i, { role: e.target.value as PanelMember['role'] })} aria-label={`${t('results.issue.role')} ${i + 1}`}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`results.issue.roles.${r}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field compact">
              {t('results.issue.department')}
              <select value={m.department ?? ''} onChange={(e) => setMember(i, { department: e.target.value || null })} aria-label={`${t('results.issue.department')} ${i + 1}`}>
                <option value="">{t('results.issue.noDepartment')}</option>
                {departments.map((d) => (
                  <option key={d} value={d}>
                    {d}
                  </option>
                ))}
              </select>
            </label>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => setPanel((p) => [...p, { name: '', role: 'business', department: null }])}>
          {t('results.issue.addReviewer')}
        </button>
      </fieldset>
      <RubricEditor value={rubric} onChange={setDraft} frozen={!!issued} />
      {conflicts.map((c) => (
        <label key={conflictKey(c)} className="field conflict">
          {t('results.issue.conflict', { reviewer: members[c.reviewer].name, candidate: candidates.find((x) => x.candidateId === c.candidateId)?.name ?? c.candidateId })}
          <input value={overrides[conflictKey(c)] ?? ''} onChange={(e) => setOverrides((o) => ({ ...o, [conflictKey(c)]: e.target.value }))} placeholder={t('results.issue.reason')} />
        </label>
      ))}
      <div className="row">
        <button
          type="button"
          disabled={!(round ? round.name : roundName.trim()) || !candidates.length || !members.length || !!rubricProblem(rubric)}
          onClick={async () => {
            setError(null);
            setNote(null);
            try {
              const r = await issueReviewPackets({ userId: user.id, userName: user.userName }, { ...(round ? { roundId: round.id, roundName: round.name } : { roundName: roundName.trim() }), entryIds: open.filter((e) => chosen.has(e.id)).map((e) => e.id), reviewers: members, overrides, rubric });
              for (const f of r.files) await getPlatform().saveFile({ suggestedName: f.name, bytes: f.bytes, filters: [{ name: '薪火评审包', extensions: ['xhb'] }] });
              setNote(t('results.issue.done', { count: r.files.length }));
            } catch (e) {
              setError(sharedFailureText(e, language) ?? (e as Error).message);
            }
          }}
        >
          {t('results.issue.submit', { count: members.length })}
        </button>
      </div>
      <Outcome note={note} error={error} />
    </section>
  );
}
