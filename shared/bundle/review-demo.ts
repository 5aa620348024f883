// A demo round's review (`xinhuo demo --review`, tests): packets for R reviewers over N
// candidates of the demo plant, each reviewer's score file, and the raw scores they contain.

import { generateDemoPlant } from '../domain/demo/generate.ts';
import { Random } from '../domain/demo/random.ts';
import { DEFAULT_RUBRIC, normalisedWeights } from '../domain/review/rubric.ts';
import { encodeHlc } from '../domain/sync/envelope.ts';
import type { ReviewPacketRecord, ScoreSheetRecord } from '../records/schemas.ts';
import { newSecretKeys } from './keys.ts';
import { openReviewPacket, writeReviewPacket, writeScoreFile } from './review.ts';

const REVIEWER_NAMES = ['周建国', '吴秀英', '郑志强', '孙丽华', '陈伟', '林海燕', '黄斌', '何静', '罗明', '高红梅', '梁勇', '宋佳'];
const ROLES = ['training', 'business', 'employee'] as const;

export interface DemoReview {
  packets: { name: string; bytes: Uint8Array }[];
  scores: { name: string; bytes: Uint8Array }[];
  expected: { rubric: { criteria: { id: string; weight: number }[] }; scores: { reviewer: string; candidateId: string; criterion: string; score: number }[] };
}

export async function demoReview(options: { candidates: number; reviewers: number; seed: string; now?: Date }): Promise<DemoReview> {
  const rng = new Random(`review-${options.seed}`);
  const now = options.now ?? new Date();
  const plant = generateDemoPlant({ employees: Math.max(20, options.candidates * 4), seed: options.seed, endQuarter: '2026Q3', plant: { code: 'P01', name: '华东第一制造厂', region: '' } });
  const r = plant.datasets.roster.columns as Record<string, (string | null)[]>;
  const people = r.employeeId.map((id, i) => ({ id: id!, name: r.name[i] ?? '', department: r.department[i] ?? '', status: r.status[i] })).filter((p) => p.status === 'active').slice(0, options.candidates);
  const issuer = { orgId: 'demo-org', origin: 'demo-officer', keys: newSecretKeys() };
  const roundId = crypto.randomUUID();
  const out: DemoReview = { packets: [], scores: [], expected: { rubric: { criteria: [...normalisedWeights(DEFAULT_RUBRIC)].map(([id, weight]) => ({ id, weight })) }, scores: [] } };
  const quality = new Map(people.map((p) => [p.id, 5 + rng.next() * 4]));
  for (let k = 0; k < options.reviewers; k++) {
    const reviewerId = `R${String(k + 1).padStart(2, '0')}`;
    const packetId = crypto.randomUUID();
    const packet: ReviewPacketRecord = {
      id: packetId,
      partition: 'plant:P01',
      origin: issuer.origin,
      seq: k + 1,
      hlc: encodeHlc({ millis: now.getTime(), counter: k }, issuer.origin),
      deleted: false,
      packetId,
      roundId,
      roundName: '2026年度内训师选拔',
      reviewer: { id: reviewerId, name: REVIEWER_NAMES[k % REVIEWER_NAMES.length], role: ROLES[k % ROLES.length], department: null },
      rubric: DEFAULT_RUBRIC,
      candidates: people.map((p, i) => ({ candidateId: p.id, name: p.name, department: p.department, topic: { title: `${p.department}常见问题的解决方法`, painPoint: '新员工上手慢，同类问题反复出现', audience: `${p.department}一线员工`, outline: '问题：…\n案例：…\n解决方法：…' }, session: { date: '2026-12-10', time: `${String(9 + Math.floor(i / 3)).padStart(2, '0')}:${['00', '20', '40'][i % 3]}`, room: '培训中心 201', minutes: 15 } })),
      issuedAt: now.toISOString(),
      issuedBy: '王培训',
    };
    const written = await writeReviewPacket(issuer, packet, now);
    out.packets.push({ name: `${reviewerId}.xhb`, bytes: written.bytes });
    const opened = await openReviewPacket(written.bytes);
    if (!opened.ok) throw new Error(`a packet just written cannot be opened: ${opened.failure.code}`);
    const bias = (rng.next() - 0.5) * 2;
    const sheets: ScoreSheetRecord[] = people.map((p, i) => {
      const scores: Record<string, number> = {};
      for (const c of DEFAULT_RUBRIC.criteria) {
        const s = Math.max(DEFAULT_RUBRIC.scale.min, Math.min(DEFAULT_RUBRIC.scale.max, Math.round(quality.get(p.id)! + bias + (rng.next() - 0.5) * 2)));
        scores[c.id] = s;
        out.expected.scores.push({ reviewer: reviewerId, candidateId: p.id, criterion: c.id, score: s });
      }
      const origin = `${packetId}:${reviewerId}`;
      return { id: `${packetId}-${p.id}`, partition: `review:${packetId}:${reviewerId}`, origin, seq: i + 1, hlc: encodeHlc({ millis: now.getTime(), counter: i }, origin), deleted: false, packetId, reviewerId, candidateId: p.id, rubricId: DEFAULT_RUBRIC.id, rubricVersion: DEFAULT_RUBRIC.version, scores, comment: '', paper: false, savedAt: now.toISOString() };
    });
    const score = await writeScoreFile(opened.value, sheets, now);
    out.scores.push({ name: `${reviewerId}.xhb`, bytes: score.bytes });
  }
  return out;
}
