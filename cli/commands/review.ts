// `xinhuo review tally --packets DIR --scores FILE... [--json]`: verifies score files against
// the round's packets and prints per candidate the reviewers' totals, mean, trimmed mean,
// spread and flags. Exit 0 = every score file accepted, 1 = some refused (listed), 2 = the
// packets cannot be read.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openReviewPacket, tallyScoreFiles, type OpenedPacket } from '../../shared/bundle/review.ts';
import { failureText } from '../../shared/domain/messages.ts';
import { CliError, message, type Lang } from '../messages.ts';
import type { Io } from '../io.ts';

async function bytesOf(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    throw new CliError('cannotRead', [path, (e as NodeJS.ErrnoException).code ?? (e as Error).message]);
  }
}

export async function runReview(argv: string[], lang: Lang, io: Io): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb !== 'tally') throw new CliError('reviewUsage');
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: { packets: { type: 'string' }, scores: { type: 'string', multiple: true }, json: { type: 'boolean', default: false } }, strict: true, allowPositionals: true });
  } catch (e) {
    throw new CliError('badOption', [(e as Error).message]);
  }
  const { values, positionals } = parsed;
  if (!values.packets) throw new CliError('missingOption', ['packets']);
  // --scores takes one or more files: `--scores a.xhb b.xhb` and `--scores a.xhb --scores b.xhb` both work.
  const scoreFiles = [...(values.scores ?? []), ...positionals];
  if (!scoreFiles.length) throw new CliError('missingOption', ['scores']);
  let names: string[];
  try {
    names = (await readdir(values.packets)).filter((n) => n.toLowerCase().endsWith('.xhb')).sort();
  } catch (e) {
    throw new CliError('cannotRead', [values.packets, (e as NodeJS.ErrnoException).code ?? (e as Error).message]);
  }
  const packets: OpenedPacket[] = [];
  for (const name of names) {
    const r = await openReviewPacket(await bytesOf(join(values.packets, name)));
    if (!r.ok) throw new CliError('badPacket', [name, failureText(r.failure, lang) ?? r.failure.code]);
    packets.push(r.value);
  }
  if (!packets.length) throw new CliError('noPackets', [values.packets]);
  const files = [];
  for (const f of scoreFiles) files.push({ name: f, bytes: await bytesOf(f) });
  const report = await tallyScoreFiles(packets, files);
  const out = {
    candidates: report.candidates.map((c) => ({ candidateId: c.candidateId, reviewerTotals: c.reviewerTotals, mean: c.mean, trimmedMean: c.trimmedMean, spread: c.spread, flags: c.flags })),
    rejected: report.rejected.map((r) => ({ file: r.file, reason: failureText(r.failure, lang) ?? r.failure.code })),
  };
  if (values.json) io.out(JSON.stringify(out, null, 2));
  else {
    const names = new Map(packets.flatMap((p) => p.packet.candidates.map((c) => [c.candidateId, c.name] as const)));
    io.out(message(lang, 'tallyHead', packets.length, report.applied.length, out.rejected.length));
    const fmt = (x: number | null) => (x === null ? '—' : x.toFixed(2));
    for (const c of out.candidates) io.out(message(lang, 'tallyLine', c.candidateId, names.get(c.candidateId) ?? '', fmt(c.mean), fmt(c.trimmedMean), fmt(c.spread), c.flags.map((f) => message(lang, f === 'largeSpread' ? 'flagSpread' : f === 'missingScores' ? 'flagMissing' : 'flagOutlier')).join(lang === 'zh' ? '，' : ', ')));
    for (const r of out.rejected) io.out(message(lang, 'mergeRejected', r.file, r.reason));
  }
  return out.rejected.length ? 1 : 0;
}
