// Reviewer mode's local store (评审专家): the packets opened on this device and the scores
// typed so far, in a small database of their own — a reviewer needs no account and no
// installation. Every change is written at once, so closing the window or a crash loses
// nothing; the score file is built from what is stored.

import Dexie, { type Table } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { OpenedPacket } from '../../../shared/bundle/review.ts';
import { encodeHlc } from '../../../shared/domain/sync/envelope.ts';
import type { Failure } from '../../../shared/domain/failure.ts';
import type { CandidateTally } from '../../../shared/domain/review/rubric.ts';
import type { ScoreSheetRecord } from '../../../shared/records/schemas.ts';

interface StoredPacket {
  packetId: string;
  fileName: string;
  bytes: Uint8Array;
  openedAt: string;
}

export interface ReviewDraft {
  /** packetId|candidateId */
  id: string;
  packetId: string;
  candidateId: string;
  scores: Record<string, number>;
  comment: string;
  savedAt: string;
}

class ReviewerDb extends Dexie {
  packets!: Table<StoredPacket, string>;
  drafts!: Table<ReviewDraft, string>;
  constructor() {
    super('xinhuo-reviewer');
    this.version(1).stores({ packets: 'packetId, openedAt', drafts: 'id, packetId' });
  }
}

let db: ReviewerDb | null = null;
// The bundle code (curves, zip, crypto) loads when a reviewer first needs it, not with the app.
const review = () => import('../../../shared/bundle/review.ts');
const reviewerDb = () => (db ??= new ReviewerDb());

export type OpenPacketResult = { ok: true; packet: OpenedPacket['packet'] } | { ok: false; failure: Failure };

/** Opens a packet file and keeps it on this device. */
export async function openPacketFile(name: string, bytes: Uint8Array): Promise<OpenPacketResult> {
  const r = await (await review()).openReviewPacket(bytes);
  if (!r.ok) return r;
  await reviewerDb().packets.put({ packetId: r.value.packet.packetId, fileName: name, bytes, openedAt: new Date().toISOString() });
  return { ok: true, packet: r.value.packet };
}

/** The packets on this device, newest first, each opened (and so checked) again. */
export function useReviewerPackets(): OpenedPacket[] | undefined {
  return useLiveQuery(async () => {
    const rows = await reviewerDb().packets.orderBy('openedAt').reverse().toArray();
    const out: OpenedPacket[] = [];
    const { openReviewPacket } = await review();
    for (const row of rows) {
      const r = await openReviewPacket(row.bytes);
      if (r.ok) out.push(r.value);
    }
    return out;
  }, []);
}

export function useReviewDrafts(packetId: string | null): ReviewDraft[] | undefined {
  return useLiveQuery(() => (packetId ? reviewerDb().drafts.where('packetId').equals(packetId).toArray() : []), [packetId]);
}

/** Saves one candidate's scores and comment as they are typed. */
export async function saveDraft(packetId: string, candidateId: string, scores: Record<string, number>, comment: string): Promise<void> {
  await reviewerDb().drafts.put({ id: `${packetId}|${candidateId}`, packetId, candidateId, scores, comment, savedAt: new Date().toISOString() });
}

/** The score file of what is stored for this packet; it may be exported again, and the latest one wins. */
export async function exportScoreFile(packet: OpenedPacket): Promise<{ bytes: Uint8Array; fileName: string; scored: number }> {
  const drafts = await reviewerDb().drafts.where('packetId').equals(packet.packet.packetId).toArray();
  const p = packet.packet;
  const origin = `${p.packetId}:${p.reviewer.id}`;
  const now = Date.now();
  const sheets: ScoreSheetRecord[] = drafts
    .filter((d) => p.candidates.some((c) => c.candidateId === d.candidateId))
    .map((d, i) => ({ id: `${p.packetId}-${d.candidateId}`, partition: `review:${p.packetId}:${p.reviewer.id}`, origin, seq: i + 1, hlc: encodeHlc({ millis: now, counter: i }, origin), deleted: false, packetId: p.packetId, reviewerId: p.reviewer.id, candidateId: d.candidateId, rubricId: p.rubric.id, rubricVersion: p.rubric.version, scores: d.scores, comment: d.comment, paper: false, savedAt: d.savedAt }));
  const file = await (await review()).writeScoreFile(packet, sheets, new Date(now));
  return { ...file, scored: sheets.length };
}

export interface RoundTally {
  candidates: (CandidateTally & { name: string; department: string })[];
  rejected: { file: string; failure: Failure }[];
  reviewers: { id: string; name: string }[];
  rubric: OpenedPacket['packet']['rubric'] | null;
}

/** The officer's tally of a round: the packets sent out and the score files that came back. */
export async function tallyRound(packetFiles: { name: string; bytes: Uint8Array }[], scoreFiles: { name: string; bytes: Uint8Array }[]): Promise<RoundTally> {
  const { openReviewPacket, tallyScoreFiles } = await review();
  const packets: OpenedPacket[] = [];
  const rejected: RoundTally['rejected'] = [];
  for (const f of packetFiles) {
    const r = await openReviewPacket(f.bytes);
    if (r.ok) packets.push(r.value);
    else rejected.push({ file: f.name, failure: r.failure });
  }
  const report = await tallyScoreFiles(packets, scoreFiles);
  return {
    candidates: withCandidateNames(packets, report.candidates),
    rejected: [...rejected, ...report.rejected],
    reviewers: packets.map((p) => ({ id: p.packet.reviewer.id, name: p.packet.reviewer.name })),
    rubric: packets[0]?.packet.rubric ?? null,
  };
}

/** The tally's candidates with the names and departments their packets show. */
export function withCandidateNames(packets: readonly Pick<OpenedPacket, 'packet'>[], candidates: CandidateTally[]): RoundTally['candidates'] {
  const who = new Map(packets.flatMap((p) => p.packet.candidates.map((c) => [c.candidateId, c] as const)));
  return candidates.map((c) => ({ ...c, name: who.get(c.candidateId)?.name ?? '', department: who.get(c.candidateId)?.department ?? '' }));
}
