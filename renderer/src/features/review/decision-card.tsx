// The round's decision: by a threshold or the top K up to the quota, each chosen person with
// a grade (初级/中级/高级培训师) and a domain; confirming certifies them as trainers and closes
// the round for everyone reviewed.

import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decideRound, trainerListFile, type RoundTally } from '../../data/index.ts';
import { getPlatform } from '../../platform/index.ts';
import { hrefOf, Outcome } from '../../ui/index.ts';
import { sharedFailureText } from '../../i18n/index.ts';
import { useAppStore } from '../../store/index.ts';

const GRADES = ['junior', 'intermediate', 'senior'] as const;
type Grade = (typeof GRADES)[number];

export function DecisionCard({ tally, roundId, roundName }: { tally: RoundTally; roundId: string; roundName: string }) {
  const { t } = useTranslation();
  const user = useAppStore((s) => s.user)!;
  const language = useAppStore((s) => s.language);
  const [method, setMethod] = useState<'threshold' | 'top'>('threshold');
  const [threshold, setThreshold] = useState(7);
  const [top, setTop] = useState(Math.max(1, Math.ceil(tally.candidates.length / 2)));
  const [grades, setGrades] = useState<Record<string, Grade>>({});
  const [domains, setDomains] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [decided, setDecided] = useState(false);
  const scoreOf = (c: RoundTally['candidates'][number]) => c.trimmedMean ?? c.mean;
  const ranked = useMemo(() => tally.candidates.filter((c) => scoreOf(c) !== null).sort((a, b) => scoreOf(b)! - scoreOf(a)!), [tally]);
  const chosen = method === 'threshold' ? ranked.filter((c) => scoreOf(c)! >= threshold) : ranked.slice(0, top);
  return (
    <section className="card sync-card" aria-label={t('results.decide.title')}>
      <h3>{t('results.decide.title')}</h3>
      <p className="hint">{t('results.decide.hint')}</p>
      <div className="row" role="radiogroup" aria-label={t('results.decide.method')}>
        <label className="choice">
          <input type="radio" checked={method === 'threshold'} onChange={() => setMethod('threshold')} /> {t('results.decide.byThreshold')}
        </label>
        <input type="number" step={0.1} value={threshold} onChange={(e) => setThreshold(Number(e.target.value))} aria-label={t('results.decide.threshold')} disabled={method !== 'threshold'} />
        <label className="choice">
          <input type="radio" checked={method === 'top'} onChange={() => setMethod('top')} /> {t('results.decide.byTop')}
        </label>
        <input type="number" min={1} value={top} onChange={(e) => setTop(Math.max(1, Number(e.target.value)))} aria-label={t('results.decide.top')} disabled={method !== 'top'} />
      </div>
      <table className="plain-table" aria-label={t('results.decide.chosen', { count: chosen.length })}>
        <thead>
          <tr>
            <th>{t('results.columns.candidate')}</th>
            <th className="num">{t('results.decide.score')}</th>
            <th>{t('results.decide.grade')}</th>
            <th>{t('results.decide.domain')}</th>
          </tr>
        </thead>
        <tbody>
          {chosen.map((c) => (
            <tr key={c.candidateId}>
              <td className="nowrap">
                {c.name} <span className="mono muted">{c.candidateId}</span>
              </td>
              <td className="num">{scoreOf(c)!.toFixed(2)}</td>
              <td>
                <select value={grades[c.candidateId] ?? 'junior'} onChange={(e) => setGrades((g) => ({ ...g, [c.candidateId]: e.target.value as Grade }))} aria-label={`${c.name} ${t('results.decide.grade')}`}>
                  {GRADES.map((g) => (
                    <option key={g} value={g}>
                      {t(`employee.grades.${g}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input value={domains[c.candidateId] ?? c.department} onChange={(e) => setDomains((d) => ({ ...d, [c.candidateId]: e.target.value }))} aria-label={`${c.name} ${t('results.decide.domain')}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <label className="field">
        {t('results.decide.reason')}
        <input value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <div className="row">
        <button
          type="button"
          disabled={!chosen.length}
          onClick={async () => {
            setError(null);
            try {
              const r = await decideRound(
                { userId: user.id, userName: user.userName },
                { roundId, roundName, reviewed: tally.candidates.map((c) => c.candidateId) },
                chosen.map((c) => ({ employeeId: c.candidateId, grade: grades[c.candidateId] ?? 'junior', domain: (domains[c.candidateId] ?? c.department).trim() || c.department, score: scoreOf(c) })),
                reason.trim(),
              );
              setNote(t('results.decide.done', { certified: r.certified.length, notSelected: r.notSelected.length, skipped: r.skipped.length }));
              setDecided(true);
            } catch (e) {
              setError(sharedFailureText(e, language) ?? (e as Error).message);
            }
          }}
        >
          {t('results.decide.confirm', { count: chosen.length })}
        </button>
      </div>
      <Outcome note={note} error={error} />
      {decided && (
        <div className="row">
          <button
            type="button"
            className="secondary"
            onClick={async () => {
              const f = await trainerListFile(roundId);
              await getPlatform().saveFile({ suggestedName: f.fileName, bytes: f.bytes, filters: [{ name: 'Excel', extensions: ['xlsx'] }] });
            }}
          >
            {t('results.decide.exportList')}
          </button>
          <a href={hrefOf({ name: 'notice', id: roundId })}>{t('results.decide.openNotice')}</a>
        </div>
      )}
    </section>
  );
}
