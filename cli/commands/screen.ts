// `xinhuo screen`: runs a screening profile over spreadsheets read with the app's import
// code, and prints candidates, near-misses and exclusions (JSON with --json).

import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { ColumnSetBuilder, type ColumnSet } from '../../shared/domain/facts/columns.ts';
import type { DatasetName } from '../../shared/domain/facts/datasets.ts';
import { isIsoDate } from '../../shared/domain/periods.ts';
import { buildScreeningData } from '../../shared/domain/screening/data.ts';
import { Screener } from '../../shared/domain/screening/engine.ts';
import { parseProfile, SEED_PROFILE, type Profile } from '../../shared/domain/screening/profile.ts';
import { failureMessage } from '../../shared/io/analyse.ts';
import { issueMessage } from '../../shared/io/messages.ts';
import { CliError, message, type Lang } from '../messages.ts';
import type { Io } from '../io.ts';
import { analyseInWorker } from '../parse/index.ts';

const REASONS: Record<string, { zh: string; en: string }> = {
  left: { zh: '已离职/退休（离职日期在截止日前）', en: 'left on or before the as-of date' },
  notYetHired: { zh: '截止日时尚未入职', en: 'hired after the as-of date' },
  statusLeft: { zh: '状态为离职或退休', en: 'status is departed or retired' },
};

async function readDataset(path: string, dataset: DatasetName, lang: Lang, io: Io): Promise<ColumnSet> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (e) {
    throw new CliError('cannotRead', [path, (e as NodeJS.ErrnoException).code ?? (e as Error).message]);
  }
  const result = await analyseInWorker(bytes, basename(path), { dataset });
  if (!result.ok) throw new CliError('screenInput', [failureMessage(result, lang)]);
  if (result.missing.length) throw new CliError('screenInput', [issueMessage(result.issues[0], lang)]);
  const errors = result.issues.filter((i) => i.severity === 'error').length;
  if (errors) io.err(message(lang, 'screenSkipped', basename(path), result.rows - result.valid, errors));
  return result.set;
}

const num = (v: number) => (Number.isNaN(v) ? null : Math.round(v * 10000) / 10000);

export async function runScreen(argv: string[], lang: Lang, io: Io): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        'as-of': { type: 'string' },
        profile: { type: 'string', default: 'seed' },
        roster: { type: 'string' },
        performance: { type: 'string' },
        ratings: { type: 'string' },
        activities: { type: 'string' },
        certificates: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (e) {
    throw new CliError('badOption', [(e as Error).message]);
  }
  for (const required of ['as-of', 'roster', 'performance', 'ratings', 'activities'] as const) {
    if (!values[required]) throw new CliError('missingOption', [required]);
  }
  const asOf = values['as-of']!;
  if (!isIsoDate(asOf)) throw new CliError('badAsOf', [asOf]);
  let profile: Profile = SEED_PROFILE;
  if (values.profile !== 'seed') {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(values.profile!, 'utf8'));
    } catch (e) {
      throw new CliError('badProfile', [values.profile!, (e as Error).message]);
    }
    const parsed = parseProfile(json);
    if (!parsed.ok) throw new CliError('badProfile', [values.profile!, parsed.message]);
    profile = parsed.profile;
  }
  const sources = {
    roster: await readDataset(values.roster!, 'roster', lang, io),
    performance: await readDataset(values.performance!, 'performance', lang, io),
    ratings: await readDataset(values.ratings!, 'ratings', lang, io),
    activities: await readDataset(values.activities!, 'activities', lang, io),
    certificates: values.certificates ? await readDataset(values.certificates, 'certificates', lang, io) : new ColumnSetBuilder('certificates').build(),
  };
  const screener = new Screener(buildScreeningData(sources));
  const ev = screener.evaluate(profile, asOf);
  const d = screener.data;
  if (values.json) {
    io.out(
      JSON.stringify({
        asOf,
        profile: profile.id,
        population: ev.population,
        candidates: ev.candidates.all().map((e) => ({ employeeId: d.ids[e], name: d.names[e], criteria: ev.outcomes.map((o) => ({ id: o.id, passed: o.passed[e] === 1, value: num(o.value[e]), threshold: o.threshold })) })),
        nearMisses: ev.nearMisses.all().map((e) => ({ employeeId: d.ids[e], failed: ev.failedOf(e) })),
        excluded: Array.from(ev.excluded, (e) => ({ employeeId: d.ids[e], reason: ev.reasonOf(e) })),
      }),
    );
    return 0;
  }
  const label = (id: string) => profile.criteria.find((c) => c.id === id)?.label ?? id;
  const shown = (v: number) => (Number.isNaN(v) ? (lang === 'en' ? 'no data' : '无数据') : String(num(v)));
  io.out(message(lang, 'screenSummary', profile.name, asOf, ev.population, ev.candidates.length, ev.nearMisses.length, ev.excluded.length));
  io.out(message(lang, 'screenCandidates'));
  for (const e of ev.candidates.all()) io.out(`  ${d.ids[e]}  ${d.names[e]}  ${d.department.labels[d.department.codes[e]]}  ${ev.outcomes.map((o) => `${label(o.id)} ${shown(o.value[e])}`).join('；')}`);
  io.out(message(lang, 'screenNearMisses'));
  for (const e of ev.nearMisses.all()) {
    const o = ev.outcomes.find((y) => !y.passed[e])!;
    io.out(`  ${d.ids[e]}  ${d.names[e]}  ${d.department.labels[d.department.codes[e]]}  ${message(lang, 'screenOnly', label(o.id), shown(o.value[e]), String(o.threshold))}`);
  }
  io.out(message(lang, 'screenExcluded', ev.excluded.length));
  for (const e of ev.excluded.subarray(0, 50)) io.out(`  ${d.ids[e]}  ${d.names[e]}  ${REASONS[ev.reasonOf(e)][lang]}`);
  return 0;
}
