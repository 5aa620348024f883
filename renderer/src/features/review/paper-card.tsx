// 录入纸质评分: the officer types a reviewer's paper score sheet in; it becomes a score file
// signed with that reviewer's packet and marked as paper, counted like any other.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paperScoreFile, useRoundPackets } from '../../data/index.ts';
import { hrefOf, Outcome } from '../../ui/index.ts';

export function PaperCard({ roundId, onFile }: { roundId: string; onFile: (file: { name: string; bytes: Uint8Array }) => void }) {
  const { t } = useTranslation();
  const packets = useRoundPackets(roundId);
  const [packetId, setPacketId] = useState('');
  const [scores, setScores] = useState<Record<string, Record<string, number>>>({});
  const [note, setNote] = useState<string | null>(null);
  const packet = packets?.find((p) => p.packetId === packetId);
  const set = (candidateId: string, criterion: string, value: string) =>
    setScores((s) => {
      const row = { ...(s[candidateId] ?? {}) };
      if (value === '') delete row[criterion];
      else row[criterion] = Number(value);
      return { ...s, [candidateId]: row };
    });
  return (
    <section className="card sync-card" aria-label={t('results.paper.title')}>
      <h3>{t('results.paper.title')}</h3>
      <p className="hint">{t('results.paper.hint')}</p>
      <div className="row">
        <select value={packetId} onChange={(e) => {
            setPacketId(e.target.value);
            setScores({});
            setNote(null);
          }} aria-label={t('results.paper.reviewer', { reviewer: '' })}>
          <option value="">—</option>
          {packets?.map((p) => (
            <option key={p.packetId} value={p.packetId}>
              {p.reviewer.name}
            </option>
          ))}
        </select>
        <a href={hrefOf({ name: 'paperSheets', id: roundId })}>{t('results.paper.print')}</a>
      </div>
      {packet && (
        <>
          <table className="plain-table" aria-label={t('results.paper.reviewer', { reviewer: packet.reviewer.name })}>
            <thead>
              <tr>
                <th>{t('results.columns.candidate')}</th>
                {packet.rubric.criteria.map((c) => (
                  <th key={c.id}>{c.name}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {packet.candidates.map((c) => (
                <tr key={c.candidateId}>
                  <td className="nowrap">{c.name}</td>
                  {packet.rubric.criteria.map((k) => (
                    <td key={k.id}>
                      <input type="number" min={packet.rubric.scale.min} max={packet.rubric.scale.max} step={1} value={scores[c.candidateId]?.[k.id] ?? ''} onChange={(e) => set(c.candidateId, k.id, e.target.value)} aria-label={`${c.name} ${k.name}`} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <div className="row">
            <button
              type="button"
              onClick={async () => {
                const { min, max } = packet.rubric.scale;
                const clean = Object.fromEntries(Object.entries(scores).map(([id, row]) => [id, Object.fromEntries(Object.entries(row).filter(([, v]) => Number.isInteger(v) && v >= min && v <= max))]));
                onFile(await paperScoreFile(roundId, packet.packetId, clean));
                setNote(t('results.paper.saved', { reviewer: packet.reviewer.name }));
              }}
            >
              {t('results.paper.save')}
            </button>
          </div>
        </>
      )}
      <Outcome note={note} />
    </section>
  );
}
