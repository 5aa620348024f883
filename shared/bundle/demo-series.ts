// A demo organisation's bundle series (`xinhuo demo --bundles`, the bench and tests): K plants,
// each with a full snapshot and then deltas carrying edits, an undone import and deletes,
// written through the same write path and exporter as the app, with a head office that
// acknowledges each bundle so that the deltas chain as they do in the field.

import { generateDemoPlant, type DemoPlant } from '../domain/demo/generate.ts';
import { sliceColumnSet } from '../domain/facts/columns.ts';
import { DATASETS } from '../domain/facts/datasets.ts';
import { SEED_PROFILE } from '../domain/screening/profile.ts';
import { dropBatch, FACT_KINDS, writeBatch } from '../records/facts.ts';
import { runChange } from '../records/store.ts';
import { createOrg, type OrgSecrets } from './keys.ts';
import { acknowledgement, exportSync, receive, type ReceivedFile } from './replica.ts';
import { hqReplica, plantReplica, type PlantReplica } from './setup.ts';

const CITIES = ['洛阳', '郑州', '武汉', '西安', '成都', '长沙', '济南', '太原', '合肥', '南昌', '石家庄', '兰州'];
const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function demoPlantName(i: number): string {
  const city = CITIES[i % CITIES.length];
  const n = Math.floor(i / CITIES.length) + 1;
  return `${city}${n <= ORDINALS.length ? ORDINALS[n - 1] : n}厂`;
}

export interface DemoSeries {
  org: OrgSecrets;
  bundles: ReceivedFile[];
}

export interface DemoSeriesOptions {
  plants: number;
  employees: number;
  seed: string;
  endQuarter?: string;
  onProgress?: (done: number, total: number) => void;
}

/** The i-th plant of a series: its code, its name and the demo plant it imports. */
export function seriesPlant(i: number, options: Pick<DemoSeriesOptions, 'employees' | 'seed' | 'endQuarter'>): { code: string; name: string; demo: DemoPlant } {
  const code = `P${String(i + 1).padStart(2, '0')}`;
  const name = demoPlantName(i);
  return { code, name, demo: generateDemoPlant({ employees: options.employees, seed: `${options.seed}-${code}`, endQuarter: options.endQuarter ?? '2026Q3', plant: { code, name, region: '' } }) };
}

async function plantSeries(org: OrgSecrets, i: number, options: DemoSeriesOptions, hq: Awaited<ReturnType<typeof hqReplica>>): Promise<ReceivedFile[]> {
  const { code, name, demo } = seriesPlant(i, options);
  const p: PlantReplica = await plantReplica(org, { code, name, region: '' });
  const files: ReceivedFile[] = [];
  const send = async (ack: boolean) => {
    const r = await exportSync(p.store, p.actor, p.keys);
    if (!r) return;
    const file = { name: r.fileName, bytes: r.bytes };
    files.push(file);
    if (!ack) return;
    await receive(hq.store, hq.actor, [file], { org: org.org }, org.keys.box);
    const back = await acknowledgement(hq.store, hq.actor, { org: org.org, keys: org.keys }, p.keys.certificate.partition);
    await receive(p.store, p.actor, [{ name: back.fileName, bytes: back.bytes }], { org: org.org }, p.keys.keys.box);
  };
  // 1. The plant's data and its first profile: a snapshot.
  const [profile] = await runChange(p.store, p.actor, 'import', [...FACT_KINDS, 'profile'], async (ctx) => {
    for (const [dataset, set] of Object.entries(demo.datasets)) await writeBatch(ctx, { set, fileName: `${name}-${DATASETS[dataset as keyof typeof DATASETS].zh}.xlsx`, sha256: null, mapping: null, mode: 'demo' });
    return ctx.put('profile', { profileId: `${code}-seed`, version: 1, name: SEED_PROFILE.name, criteria: SEED_PROFILE.criteria, createdAt: new Date().toISOString(), userName: p.actor.userName });
  });
  await send(true);
  // 2. Edits: a new profile version, people handed to selection, one more import.
  const roster = demo.datasets.roster;
  const ids = (roster.columns.employeeId as (string | null)[]).slice(0, 8);
  const names = roster.columns.name as (string | null)[];
  const depts = roster.columns.department as (string | null)[];
  const now = new Date().toISOString();
  const entries = await runChange(p.store, p.actor, 'pipeline', ['pipeline', 'profile'], async (ctx) => {
    await ctx.put('profile', { ...profile, name: `${SEED_PROFILE.name}（修订）`, version: 2 });
    return ctx.put(
      'pipeline',
      ...ids.map((id, k) => ({ employeeId: id ?? `x${k}`, name: names[k] ?? '', department: depts[k] ?? '', stage: 'shortlisted' as const, history: [{ from: null, to: 'shortlisted' as const, at: now, userId: p.actor.userId, userName: p.actor.userName }], runId: `${code}-run`, source: 'candidate' as const, profileName: SEED_PROFILE.name, profileVersion: 2, asOf: demo.asOf, createdAt: now, updatedAt: now })),
    );
  });
  const extra = await runChange(p.store, p.actor, 'import', FACT_KINDS, (ctx) => writeBatch(ctx, { set: sliceColumnSet(demo.datasets.ratings, 0, Math.min(200, demo.datasets.ratings.length)), fileName: `${name}-补充评价.xlsx`, sha256: null, mapping: null, mode: 'upsert' }));
  await send(true);
  // 3. The extra import undone, two people taken out of selection.
  await runChange(p.store, p.actor, 'import', FACT_KINDS, (ctx) => dropBatch(ctx, extra.id));
  await runChange(p.store, p.actor, 'pipeline', ['pipeline'], async (ctx) => {
    for (const e of entries.slice(0, 2)) await ctx.remove('pipeline', e.id);
  });
  await send(true);
  // 4. A stage move, not yet acknowledged.
  await runChange(p.store, p.actor, 'pipeline.move', ['pipeline'], async (ctx) => {
    const e = entries[2];
    await ctx.put('pipeline', { ...e, stage: 'invited', history: [...e.history, { from: 'shortlisted', to: 'invited', at: now, userId: p.actor.userId, userName: p.actor.userName }], updatedAt: now });
  });
  await send(false);
  return files;
}

export async function demoSeries(options: DemoSeriesOptions): Promise<DemoSeries> {
  const org = createOrg('华东能源集团');
  const hq = await hqReplica(org);
  const bundles: ReceivedFile[] = [];
  for (let i = 0; i < options.plants; i++) {
    bundles.push(...(await plantSeries(org, i, options, hq)));
    options.onProgress?.(i + 1, options.plants);
  }
  return { org, bundles };
}
