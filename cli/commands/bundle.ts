// `xinhuo bundle inspect|verify|merge`: the bundle inspector, the authenticity check, and a
// head-office merge into an empty in-memory state through the same replica code as the app.
//   inspect FILE [--org ORGFILE] [--json]           never needs a private key; exit 0, or 2 if unreadable
//   verify  FILE --org ORGFILE [--json]             exit 0 authentic and intact, 1 refused (with the reason), 2 unreadable
//   merge   FILE|DIR... --org ORGFILE --key HQKEY [--json]

import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { openBundle, verifyBundle, type BundleFailure, type Manifest } from '../../shared/bundle/format.ts';
import { inspectBundle } from '../../shared/bundle/inspect.ts';
import { fingerprint, orgFileSchema, orgKeyFileSchema, publicKeysOf, secretKeysOf } from '../../shared/bundle/keys.ts';
import { receive, stateDigest, type ReceivedFile } from '../../shared/bundle/replica.ts';
import { hqReplica } from '../../shared/bundle/setup.ts';
import { failureText } from '../../shared/domain/messages.ts';
import { CliError, message, type Lang } from '../messages.ts';
import type { Io } from '../io.ts';

const reasonText = (f: BundleFailure, lang: Lang) => failureText(f, lang) ?? f.code;

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    throw new CliError('cannotRead', [path, (e as NodeJS.ErrnoException).code ?? (e as Error).message]);
  }
}

async function readJson<T>(path: string, schema: z.ZodType<T>, what: 'orgFile' | 'keyFile'): Promise<T> {
  const bytes = await readBytes(path);
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new CliError(what === 'orgFile' ? 'badOrgFile' : 'badKeyFile', [path]);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new CliError(what === 'orgFile' ? 'badOrgFile' : 'badKeyFile', [path]);
  return parsed.data;
}

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: { json: { type: 'boolean', default: false }, org: { type: 'string' }, key: { type: 'string' } }, strict: true, allowPositionals: true });
  } catch (e) {
    throw new CliError('badOption', [(e as Error).message]);
  }
}

const KIND_ZH: Record<Manifest['kind'], string> = { sync: '同步包', ack: '总部回执', backup: '备份', 'review-packet': '评审包', 'score-file': '评分文件' };
const KIND_EN: Record<Manifest['kind'], string> = { sync: 'sync bundle', ack: 'head-office acknowledgement', backup: 'backup', 'review-packet': 'review packet', 'score-file': 'score file' };

function senderName(m: Manifest): string {
  if (m.sender.type === 'plant') return `${m.sender.certificate.plant.name}（${m.sender.certificate.plant.code}）`;
  if (m.sender.type === 'org') return '总部';
  return m.label.plantName ?? m.origin;
}

export async function runBundle(argv: string[], lang: Lang, io: Io): Promise<number> {
  const [verb, ...rest] = argv;
  switch (verb) {
    case 'inspect':
      return inspect(rest, lang, io);
    case 'verify':
      return verify(rest, lang, io);
    case 'merge':
      return merge(rest, lang, io);
    default:
      throw new CliError('bundleUsage');
  }
}

async function inspect(argv: string[], lang: Lang, io: Io): Promise<number> {
  const { values, positionals } = parse(argv);
  if (positionals.length !== 1) throw new CliError('bundleUsage');
  const path = positionals[0];
  const bytes = await readBytes(path);
  const org = values.org ? await readJson(values.org, orgFileSchema, 'orgFile') : undefined;
  const r = inspectBundle(bytes, org ? { org } : undefined);
  if (!r.ok) {
    if (values.json) io.out(JSON.stringify({ file: basename(path), readable: false, code: r.failure.code, reason: reasonText(r.failure, lang) }, null, 2));
    else io.err(message(lang, 'bundleRefused', basename(path), reasonText(r.failure, lang)));
    return r.failure.code === 'bundle.unreadable' ? 2 : 1;
  }
  const i = r.inspection;
  if (values.json) {
    const { failure, ...rest } = i;
    io.out(JSON.stringify({ file: basename(path), readable: true, ...rest, ...(failure ? { reason: reasonText(failure, lang) } : {}) }, null, 2));
    return 0;
  }
  const zh = lang === 'zh';
  const sender = i.sender.type === 'org' ? (zh ? '总部' : 'Head office') : `${i.sender.plantName ?? i.origin}（${i.sender.plantCode ?? ''}）`;
  io.out(message(lang, 'inspectHead', basename(path), zh ? KIND_ZH[i.kind] : KIND_EN[i.kind]));
  io.out(message(lang, 'inspectFrom', sender, i.partition, i.origin));
  io.out(message(lang, 'inspectTo', i.recipient.name, i.recipient.fingerprint));
  io.out(message(lang, 'inspectWhen', i.createdAt, i.seq.from, i.seq.to, i.seq.snapshot ? (zh ? '完整快照' : 'full snapshot') : zh ? '增量' : 'delta'));
  for (const [kind, n] of Object.entries(i.records)) io.out(message(lang, 'inspectTable', kind, n));
  const sig = i.signature === 'valid' ? (zh ? '有效' : 'valid') : i.signature === 'invalid' ? (zh ? '无效' : 'invalid') : zh ? '未核验' : 'not checked';
  const cert = i.certificate === 'valid' ? (zh ? '由本组织总部签发，有效' : 'issued by this organisation, valid') : i.certificate === 'unchecked' ? (zh ? '未核验（需要 --org 组织文件）' : 'not checked (needs --org)') : i.failure ? reasonText(i.failure, lang) : i.certificate;
  io.out(message(lang, 'inspectStatus', sig, cert));
  return 0;
}

async function verify(argv: string[], lang: Lang, io: Io): Promise<number> {
  const { values, positionals } = parse(argv);
  if (positionals.length !== 1) throw new CliError('bundleUsage');
  if (!values.org) throw new CliError('missingOption', ['org']);
  const org = await readJson(values.org, orgFileSchema, 'orgFile');
  const path = positionals[0];
  const bytes = await readBytes(path);
  const opened = openBundle(bytes);
  const result = opened.ok ? verifyBundle(opened.value, { org }) : opened;
  const file = basename(path);
  if (values.json) io.out(JSON.stringify(result.ok ? { file, ok: true, kind: result.value.kind, partition: result.value.partition, seq: result.value.seq } : { file, ok: false, code: result.failure.code, reason: reasonText(result.failure, lang) }, null, 2));
  else if (result.ok) io.out(message(lang, 'verifyOk', file, senderName(result.value), result.value.seq.from, result.value.seq.to));
  else io.err(message(lang, 'bundleRefused', file, reasonText(result.failure, lang)));
  if (result.ok) return 0;
  return result.failure.code === 'bundle.unreadable' ? 2 : 1;
}

/** The .xhb files named, a folder standing for the .xhb files in it (sorted by name). */
async function bundleFiles(paths: string[]): Promise<ReceivedFile[]> {
  const out: ReceivedFile[] = [];
  for (const path of paths) {
    let isDir = false;
    try {
      isDir = (await stat(path)).isDirectory();
    } catch (e) {
      throw new CliError('cannotRead', [path, (e as NodeJS.ErrnoException).code ?? (e as Error).message]);
    }
    if (isDir) {
      for (const name of (await readdir(path)).filter((n) => n.toLowerCase().endsWith('.xhb')).sort()) out.push({ name: join(path, name), bytes: await readBytes(join(path, name)) });
    } else out.push({ name: path, bytes: await readBytes(path) });
  }
  return out;
}

async function merge(argv: string[], lang: Lang, io: Io): Promise<number> {
  const { values, positionals } = parse(argv);
  if (!positionals.length) throw new CliError('bundleUsage');
  if (!values.org) throw new CliError('missingOption', ['org']);
  if (!values.key) throw new CliError('missingOption', ['key']);
  const org = await readJson(values.org, orgFileSchema, 'orgFile');
  const keyFile = await readJson(values.key, orgKeyFileSchema, 'keyFile');
  const keys = secretKeysOf(keyFile);
  if (keyFile.orgId !== org.orgId) throw new CliError('keyMismatch', [values.key, values.org]);
  if (fingerprint(publicKeysOf(keys)) !== fingerprint(org.keys)) throw new CliError('keyMismatch', [values.key, values.org]);
  const files = await bundleFiles(positionals);
  // An empty head office, fixed ids: the digest depends only on the bundles.
  const hq = await hqReplica({ org, keys }, 'xinhuo-cli-merge', new Date(0));
  const report = await receive(hq.store, hq.actor, files, { org }, keys.box);
  const { digest, counts } = await stateDigest(hq.store);
  const out = {
    // A duplicate is applied as a no-op: its content is in the state.
    applied: [...report.applied, ...report.replayed],
    held: report.held.map((h) => ({ file: h.file, reason: h.reason, message: message(lang, h.reason === 'gap' ? 'heldGap' : h.reason === 'massDelete' ? 'heldMassDelete' : 'heldNewer', String(h.params.from ?? h.params.deletes ?? ''), String(h.params.to ?? h.params.live ?? '')) })),
    rejected: report.rejected.map((r) => ({ file: r.file, reason: r.failure.code, message: reasonText(r.failure, lang) })),
    digest,
    counts,
  };
  if (values.json) io.out(JSON.stringify(out, null, 2));
  else {
    io.out(message(lang, 'mergeSummary', out.applied.length, out.held.length, out.rejected.length));
    for (const h of out.held) io.out(message(lang, 'mergeHeld', h.file, h.message));
    for (const r of out.rejected) io.out(message(lang, 'mergeRejected', r.file, r.message));
    for (const [kind, n] of Object.entries(counts)) io.out(message(lang, 'inspectTable', kind, n));
    io.out(message(lang, 'mergeDigest', digest));
  }
  return report.rejected.length ? 1 : 0;
}
