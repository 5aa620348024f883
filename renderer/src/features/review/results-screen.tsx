// 评审结果 (the officer): the packets sent out and the score files that came back, verified and
// tallied — each reviewer's score, the mean, the trimmed mean, the spread and what to look at.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { failureText } from '../../../../shared/domain/messages.ts';
import { can, departmentScope, tallyRound, tallyStoredRound, useStoredRounds, type RoundTally } from '../../data/index.ts';
import { DecisionCard } from './decision-card.tsx';
import { IssueCard } from './issue-card.tsx';
import { PaperCard } from './paper-card.tsx';
import { getPlatform } from '../../platform/index.ts';
import { useAppStore } from '../../store/index.ts';
import { joinList } from '../../i18n/index.ts';

const XHB = [{ name: '薪火评审文件', extensions: ['xhb'] }];
const fmt = (x: number | null) => (x === null ? '—' : x.toFixed(2));

export function ResultsScreen() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const [packets, setPackets] = useState<{ name: string; bytes: Uint8Array }[]>([]);
  const [scores, setScores] = useState<{ name: string; bytes: Uint8Array }[]>([]);
  const [tally, setTally] = useState<(Omit<RoundTally, 'reviewers'> & { returned?: number; reviewers: { id: string; name: string; paper?: boolean }[] }) | null>(null);
  const rounds = useStoredRounds();
  const [roundId, setRoundId] = useState<string>('');
  const user = useAppStore((st) => st.user)!;
  const actor = { userId: user.id, userName: user.userName };
  // Who only reads (an analyst, a department head) sees stored rounds' results; issuing, scoring and deciding are the officer's.
  const writer = can(user, 'pipeline.move');
  const scope = departmentScope(user);
  // A stored round keeps what came back (new files are added to it); picked packet files are tallied as they are.
  const recount = async (p: typeof packets, s: typeof scores, round = roundId) => setTally(round ? await tallyStoredRound(actor, round, s) : await tallyRound(p, s));
  return (
    <section className="screen review-results pad" aria-label={t('results.title')}>
      <h2>{t('results.title')}</h2>
      {writer ? <IssueCard /> : <p className="hint">{scope === null ? t('results.readOnly') : t('results.readOnlyScoped', { department: scope })}</p>}
      {writer && <p className="hint">{t('results.intro')}</p>}
      <div className="row">
        {rounds && rounds.length > 0 && (
          <label className="field compact">
            {t('results.round')}
            <select
              value={roundId}
              onChange={(e) => {
                setRoundId(e.target.value);
                setScores([]);
                void recount(packets, [], e.target.value);
              }}
            >
              <option value="">{t('results.roundFiles')}</option>
              {rounds.map((r) => (
                <option key={r.roundId} value={r.roundId}>
                  {t('common.withNote', { text: r.roundName, note: joinList(r.reviewers, t) })}
                </option>
              ))}
            </select>
          </label>
        )}
        {writer && !roundId && <button
          type="button"
          onClick={async () => {
            const files = await getPlatform().openFiles({ filters: XHB, multiple: true });
            if (!files.length) return;
            setPackets(files);
            await recount(files, scores);
          }}
        >
          {t('results.pickPackets')}
        </button>}
        {writer && <button
          type="button"
          disabled={!packets.length && !roundId}
          onClick={async () => {
            const files = await getPlatform().openFiles({ filters: XHB, multiple: true });
            if (!files.length) return;
            // Importing the same file again changes nothing; a newer export of a reviewer replaces the older.
            const next = [...scores.filter((s) => !files.some((f) => f.name === s.name)), ...files];
            setScores(next);
            await recount(packets, next);
          }}
        >
          {t('results.pickScores')}
        </button>}
        {!roundId && packets.length > 0 && <span className="muted">{t('results.packets', { count: packets.length })}</span>}
      </div>
      <p className="hint">{t('results.arithmetic')}</p>
      {tally?.rejected.map((r) => (
        <p key={r.file} role="alert" className="error">
          {t('results.rejected', { file: r.file, reason: failureText(r.failure, language === 'en' ? 'en' : 'zh') ?? r.failure.code })}
        </p>
      ))}
      {!tally || !(roundId ? (tally.returned ?? 0) > 0 : scores.length > 0) ? (
        <p className="muted">{t('results.none')}</p>
      ) : (
        <div className="table-scroll card">
          <table className="plain-table" aria-label={t('results.title')}>
            <thead>
              <tr>
                <th>{t('results.columns.candidate')}</th>
                <th>{t('results.columns.department')}</th>
                {tally.reviewers.map((r) => (
                  <th key={r.id} className="num">
                    {r.name}
                    {r.paper ? t('results.paper.mark') : ''}
                  </th>
                ))}
                <th className="num">{t('results.columns.mean')}</th>
                <th className="num">{t('results.columns.trimmed')}</th>
                <th className="num">{t('results.columns.spread')}</th>
                <th>{t('results.columns.flags')}</th>
              </tr>
            </thead>
            <tbody>
              {[...tally.candidates]
                .sort((a, b) => (b.trimmedMean ?? b.mean ?? -1) - (a.trimmedMean ?? a.mean ?? -1))
                .map((c) => (
                  <tr key={c.candidateId}>
                    <td className="nowrap">
                      {c.name} <span className="mono muted">{c.candidateId}</span>
                    </td>
                    <td className="nowrap">{c.department}</td>
                    {tally.reviewers.map((r) => (
                      <td key={r.id} className="num">
                        {fmt(c.reviewerTotals[r.id] ?? null)}
                      </td>
                    ))}
                    <td className="num">{fmt(c.mean)}</td>
                    <td className="num">{fmt(c.trimmedMean)}</td>
                    <td className="num">{fmt(c.spread)}</td>
                    <td>{c.flags.map((f) => t(`results.flags.${f}`)).join(language === 'en' ? ', ' : '，')}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
      {writer && roundId && (
        <PaperCard
          key={`paper-${roundId}`}
          roundId={roundId}
          onFile={(file) => {
            // A reviewer's paper sheet replaces what was typed for them before; the latest counts as with score files.
            const next = [...scores, file];
            setScores(next);
            void recount(packets, next);
          }}
        />
      )}
      {writer && tally && roundId && (tally.returned ?? 0) > 0 && <DecisionCard key={roundId} tally={tally} roundId={roundId} roundName={rounds?.find((r) => r.roundId === roundId)?.roundName ?? ''} />}
    </section>
  );
}
