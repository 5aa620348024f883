// `xinhuo demo`: writes the demo plant as the spreadsheets a real HR system would export.

import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_DATASETS, generateDemoPlant, type DemoDataset } from '../../shared/domain/demo/generate.ts';
import { DATASETS } from '../../shared/domain/facts/datasets.ts';
import { lastCompleteQuarter, parsePeriod } from '../../shared/domain/periods.ts';
import { datasetWorkbook } from '../../shared/io/export-dataset.ts';
import { demoSeries } from '../../shared/bundle/demo-series.ts';
import { demoReview } from '../../shared/bundle/review-demo.ts';
import { orgKeyFile } from '../../shared/bundle/keys.ts';
import { CliError, message, type Lang } from '../messages.ts';
import type { Io } from '../io.ts';

export const DEMO_FILES: Record<DemoDataset, string> = {
  roster: 'roster.xlsx',
  performance: 'performance.xlsx',
  ratings: 'ratings.xlsx',
  activities: 'activities.xlsx',
  certificates: 'certificates.xlsx',
};

export async function runDemo(argv: string[], lang: Lang, io: Io): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        employees: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        'end-quarter': { type: 'string' },
        'plant-code': { type: 'string', default: 'P01' },
        'plant-name': { type: 'string', default: '华东第一制造厂' },
        region: { type: 'string', default: '江苏省' },
        bundles: { type: 'string' },
        plants: { type: 'string' },
        review: { type: 'string' },
        candidates: { type: 'string' },
        reviewers: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new CliError('badOption', [(e as Error).message]);
  }
  if (values.bundles !== undefined) return demoBundles(values, lang, io);
  if (values.review !== undefined) return demoReviewFiles(values, lang, io);
  for (const required of ['employees', 'seed', 'out'] as const) {
    if (values[required] === undefined) throw new CliError('missingOption', [required]);
  }
  const employees = Number(values.employees);
  if (!/^\d+$/.test(values.employees!) || employees < 20 || employees > 1_000_000) throw new CliError('badEmployees', [values.employees!]);
  const endQuarter = values['end-quarter'] ?? lastCompleteQuarter(new Date().toISOString().slice(0, 10)).label;
  if (parsePeriod(endQuarter)?.kind !== 'quarter') throw new CliError('badQuarter', [endQuarter]);

  const plant = generateDemoPlant({
    employees,
    seed: values.seed!,
    endQuarter: parsePeriod(endQuarter)!.label,
    plant: { code: values['plant-code']!, name: values['plant-name']!, region: values.region! },
  });
  const dir = resolve(values.out!);
  try {
    await mkdir(dir, { recursive: true });
    for (const name of DEMO_DATASETS) {
      await writeFile(join(dir, DEMO_FILES[name]), datasetWorkbook(plant.datasets[name], DATASETS[name].zh));
    }
  } catch (e) {
    throw new CliError('writeFailed', [dir, (e as Error).message]);
  }
  io.out(message(lang, 'demoDone', employees, plant.asOf, dir));
  for (const name of DEMO_DATASETS) io.out(message(lang, 'demoFile', DEMO_FILES[name], plant.datasets[name].length));
  return 0;
}

/** `xinhuo demo --bundles DIR --plants K --employees N --seed S`: an organisation's bundle series. */
async function demoBundles(values: { bundles?: string; plants?: string; employees?: string; seed?: string; 'end-quarter'?: string }, lang: Lang, io: Io): Promise<number> {
  for (const required of ['plants', 'employees', 'seed'] as const) {
    if (values[required] === undefined) throw new CliError('missingOption', [required]);
  }
  const plants = Number(values.plants);
  if (!/^\d+$/.test(values.plants!) || plants < 1 || plants > 500) throw new CliError('badPlants', [values.plants!]);
  const employees = Number(values.employees);
  if (!/^\d+$/.test(values.employees!) || employees < 20 || employees > 1_000_000) throw new CliError('badEmployees', [values.employees!]);
  const endQuarter = values['end-quarter'] ?? '2026Q3';
  if (parsePeriod(endQuarter)?.kind !== 'quarter') throw new CliError('badQuarter', [endQuarter]);
  const series = await demoSeries({ plants, employees, seed: values.seed!, endQuarter });
  const dir = resolve(values.bundles!);
  try {
    await mkdir(join(dir, 'bundles'), { recursive: true });
    await writeFile(join(dir, 'org.json'), JSON.stringify(series.org.org, null, 2) + '\n');
    await writeFile(join(dir, 'hq.key'), JSON.stringify(orgKeyFile(series.org.org.orgId, series.org.keys), null, 2) + '\n', { mode: 0o600 });
    for (const b of series.bundles) await writeFile(join(dir, 'bundles', b.name), b.bytes);
  } catch (e) {
    throw new CliError('writeFailed', [dir, (e as Error).message]);
  }
  io.out(message(lang, 'demoBundlesDone', plants, series.bundles.length, dir));
  return 0;
}

function count(name: string, value: string | undefined, max: number): number {
  if (value === undefined) throw new CliError('missingOption', [name]);
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > max) throw new CliError('badCount', [name, max, value]);
  return n;
}

/** `xinhuo demo --review DIR --candidates N --reviewers R --seed S`: a round's packets, score files and raw scores. */
async function demoReviewFiles(values: { review?: string; candidates?: string; reviewers?: string; seed?: string }, lang: Lang, io: Io): Promise<number> {
  const candidates = count('candidates', values.candidates, 500);
  const reviewers = count('reviewers', values.reviewers, 50);
  if (values.seed === undefined) throw new CliError('missingOption', ['seed']);
  const demo = await demoReview({ candidates, reviewers, seed: values.seed });
  const dir = resolve(values.review!);
  try {
    await mkdir(join(dir, 'packets'), { recursive: true });
    await mkdir(join(dir, 'scores'), { recursive: true });
    for (const p of demo.packets) await writeFile(join(dir, 'packets', p.name), p.bytes);
    for (const s of demo.scores) await writeFile(join(dir, 'scores', s.name), s.bytes);
    await writeFile(join(dir, 'expected.json'), JSON.stringify(demo.expected, null, 2) + '\n');
  } catch (e) {
    throw new CliError('writeFailed', [dir, (e as Error).message]);
  }
  io.out(message(lang, 'demoReviewDone', candidates, reviewers, dir));
  return 0;
}
