// 评审专家 mode: open a review packet, score each candidate on each criterion (large buttons
// for touch), every change saved on this device at once, then export the score file.

import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outcome } from '../../ui/index.ts';
import { normalisedWeights, reviewerTotal } from '../../../../shared/domain/review/rubric.ts';
import { failureText } from '../../../../shared/domain/messages.ts';
import { exportScoreFile, openPacketFile, saveDraft, useReviewDrafts, useReviewerPackets, type OpenedPacket, type ReviewDraft } from '../../data/index.ts';
import { getPlatform } from '../../platform/index.ts';
import { useAppStore } from '../../store/index.ts';
import { LANGUAGE_NAMES, LANGUAGES, setLanguage } from '../../i18n/index.ts';

type Candidate = OpenedPacket['packet']['candidates'][number];

function CandidateCard({ packet, candidate, draft }: { packet: OpenedPacket; candidate: Candidate; draft: ReviewDraft | undefined }) {
  const { t } = useTranslation();
  const rubric = packet.packet.rubric;
  // What is typed is kept here and written at once: two quick taps never overwrite each other.
  const [scores, setScores] = useState<Record<string, number>>(draft?.scores ?? {});
  const [comment, setComment] = useState(draft?.comment ?? '');
  const total = reviewerTotal(rubric, new Map(Object.entries(scores)));
  const range = Array.from({ length: rubric.scale.max - rubric.scale.min + 1 }, (_, i) => rubric.scale.min + i);
  const set = (criterion: string, score: number) => {
    setScores((current) => {
      const next = { ...current, [criterion]: score };
      void saveDraft(packet.packet.packetId, candidate.candidateId, next, comment);
      return next;
    });
  };
  return (
    <section className="card review-candidate" aria-label={t('common.withNote', { text: candidate.name, note: candidate.department })}>
      <header className="review-candidate-head">
        <h3>
          {candidate.name} <span className="muted">{candidate.department}</span>
        </h3>
        <span className={total === null ? 'badge status-leave' : 'badge status'}>{total === null ? t('review.incomplete') : t('review.total', { total: total.toFixed(2) })}</span>
      </header>
      {candidate.topic && (
        <dl className="facts">
          <dt>{t('review.topic')}</dt>
          <dd>{candidate.topic.title}</dd>
          <dt>{t('review.painPoint')}</dt>
          <dd>{candidate.topic.painPoint}</dd>
          <dt>{t('review.audience')}</dt>
          <dd>{candidate.topic.audience}</dd>
          <dt>{t('review.outline')}</dt>
          <dd className="pre">{candidate.topic.outline}</dd>
        </dl>
      )}
      {candidate.session && <p className="hint">{t('common.labelled', { label: t('review.session'), value: t('review.sessionLine', candidate.session) })}</p>}
      {rubric.criteria.map((c) => (
        <div key={c.id} className="score-row" role="radiogroup" aria-label={`${candidate.name} ${c.name}`}>
          <span className="score-label">{c.name}</span>
          <div className="score-buttons">
            {range.map((n) => (
              <button key={n} type="button" role="radio" aria-checked={scores[c.id] === n} aria-label={t('review.scoreLabel', { criterion: c.name, score: n })} className={scores[c.id] === n ? 'score on' : 'score'} onClick={() => set(c.id, n)}>
                {n}
              </button>
            ))}
          </div>
        </div>
      ))}
      <label className="field">
        {t('review.comment')}
        <textarea
          value={comment}
          rows={2}
          onChange={(e) => {
            setComment(e.target.value);
            void saveDraft(packet.packet.packetId, candidate.candidateId, scores, e.target.value);
          }}
        />
      </label>
    </section>
  );
}

function PacketView({ packet, onBack }: { packet: OpenedPacket; onBack: () => void }) {
  const { t } = useTranslation();
  const drafts = useReviewDrafts(packet.packet.packetId);
  const [note, setNote] = useState<string | null>(null);
  const byCandidate = useMemo(() => new Map((drafts ?? []).map((d) => [d.candidateId, d])), [drafts]);
  const rubric = packet.packet.rubric;
  const weights = normalisedWeights(rubric);
  const done = packet.packet.candidates.filter((c) => reviewerTotal(rubric, new Map(Object.entries(byCandidate.get(c.candidateId)?.scores ?? {}))) !== null).length;
  if (!drafts) return null;
  return (
    <>
      <header className="toolbar">
        <button type="button" className="secondary" onClick={onBack}>
          {t('review.back')}
        </button>
        <h2>{t('review.packetLine', { round: packet.packet.roundName, reviewer: packet.packet.reviewer.name })}</h2>
        <span className="count" data-testid="review-progress">
          {t('review.progress', { done, total: packet.packet.candidates.length })}
        </span>
        <button
          type="button"
          onClick={async () => {
            const r = await exportScoreFile(packet);
            const saved = await getPlatform().saveFile({ suggestedName: r.fileName, bytes: r.bytes, filters: [{ name: '薪火评分文件', extensions: ['xhb'] }] });
            if (saved) setNote(t('review.exported', { file: saved, count: r.scored }));
          }}
        >
          {t('review.export')}
        </button>
      </header>
      <Outcome note={note} />
      <section className="card" aria-label={t('review.rubric')}>
        <h3>
          {t('review.rubric')} <span className="muted">{t('review.scale', rubric.scale)}</span>
        </h3>
        <ul className="rubric-list">
          {rubric.criteria.map((c) => (
            <li key={c.id}>
              <strong>{c.name}</strong>
              {t('common.inParens', { text: t('review.weight', { weight: Math.round((weights.get(c.id) ?? 0) * 100) }) })}{c.description && <span className="muted"> {c.description}</span>}
            </li>
          ))}
        </ul>
      </section>
      {packet.packet.candidates.map((c) => (
        <CandidateCard key={c.candidateId} packet={packet} candidate={c} draft={byCandidate.get(c.candidateId)} />
      ))}
    </>
  );
}

/** A reviewer has no account and so no 设置: the language is chosen here. */
function LanguageSwitch() {
  const language = useAppStore((s) => s.language);
  const setLanguagePref = useAppStore((s) => s.setLanguagePref);
  return (
    <div className="row language-switch">
      {LANGUAGES.map((l) => (
        <button
          key={l}
          type="button"
          className={l === language ? 'secondary on' : 'secondary'}
          aria-pressed={l === language}
          onClick={() => {
            setLanguagePref(l);
            setLanguage(l);
          }}
          lang={l}
        >
          {LANGUAGE_NAMES[l]}
        </button>
      ))}
    </div>
  );
}

export function ReviewerScreen() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const packets = useReviewerPackets();
  const [current, setCurrent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const packet = packets?.find((p) => p.packet.packetId === current) ?? null;
  return (
    <section className="screen review pad" aria-label={t('review.title')}>
      <LanguageSwitch />
      {packet ? (
        <PacketView packet={packet} onBack={() => setCurrent(null)} />
      ) : (
        <>
          <h2>{t('review.title')}</h2>
          <p className="hint">{t('review.intro')}</p>
          <div className="row">
            <button
              type="button"
              onClick={async () => {
                setError(null);
                const [file] = await getPlatform().openFiles({ filters: [{ name: '薪火评审包', extensions: ['xhb'] }] });
                if (!file) return;
                const r = await openPacketFile(file.name, file.bytes);
                if (!r.ok) return setError(t('review.cantOpen', { file: file.name, reason: failureText(r.failure, language === 'en' ? 'en' : 'zh') ?? r.failure.code }));
                setCurrent(r.packet.packetId);
              }}
            >
              {t('review.open')}
            </button>
            <a href="#/">{t('review.home')}</a>
          </div>
          <Outcome error={error} />
          <h3>{t('review.opened')}</h3>
          {packets && packets.length === 0 && <p className="muted">{t('review.none')}</p>}
          <ul className="packet-list">
            {packets?.map((p) => (
              <li key={p.packet.packetId}>
                <button type="button" className="secondary" onClick={() => setCurrent(p.packet.packetId)}>
                  {t('review.packetLine', { round: p.packet.roundName, reviewer: p.packet.reviewer.name })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
