// npm run bench [-- --quick] [-- --only GROUP]: performance figures as ratios to baselines measured in the same
// run (DESIGN.md §9). Storage figures come from Chromium's real IndexedDB in a persistent
// profile. Prints a table and writes bench-results.json.

import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { build } from 'vite';
import { CHROMIUM_ARGS } from '../../playwright.config.ts';
import { bigRosterWorkbook } from '../fixtures/import/big-roster.ts';
import { writeLearningCsv } from './learning-csv.ts';
import { analyseInChild, writeHostileFiles, writeMillionRowWorkbook } from './hostile.ts';
import { generateDemoPlant } from '../../shared/domain/demo/generate.ts';
import { buildScreeningData, type ScreeningData } from '../../shared/domain/screening/data.ts';
import { Screener } from '../../shared/domain/screening/engine.ts';
import { SEED_PROFILE, type Profile } from '../../shared/domain/screening/profile.ts';
import { buildReport } from '../../shared/domain/screening/report.ts';
import { addYears } from '../../shared/domain/periods.ts';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync as writeFileSyncNode } from 'node:fs';

interface Result {
  id: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  goal: string;
  ok: boolean;
  note?: string;
}

const quick = process.argv.includes('--quick');
// --only screening|storage|import|hostile|startup|memory|sync|pouch|wizard: one group, for working on it (the JSON then holds that group).
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const wanted = (group: string) => only === null || only === group;
const EMPLOYEES = quick ? 10_000 : 100_000;
const REPEATS = quick ? 3 : 3;
const root = resolve(import.meta.dirname, '../..');
const results: Result[] = [];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

function record(r: Result) {
  results.push(r);
  const extra = r.baseline !== undefined ? `  baseline ${r.baseline} ${r.unit}  ratio ${r.ratio}` : '';
  console.log(`${r.ok ? 'ok  ' : 'MISS'} ${r.id.padEnd(34)} ${String(r.value).padStart(10)} ${r.unit.padEnd(4)}${extra}  goal ${r.goal}${r.note ? `  (${r.note})` : ''}`);
}

async function serve(dir: string): Promise<{ url: string; proc: ChildProcess }> {
  const proc = spawn(process.execPath, [join(root, 'scripts/serve-web.mjs'), '--dir', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((res, rej) => {
    proc.stdout!.on('data', (d: Buffer) => {
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(d.toString());
      if (m) res(m[0]);
    });
    proc.on('exit', (code) => rej(new Error(`server exited ${code}`)));
  });
  return { url, proc };
}

async function persistent(dir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true, viewport: { width: 1360, height: 860 }, locale: 'zh-CN' });
}

async function buildAll() {
  const silent = { logLevel: 'warn' as const };
  await build({ ...silent, configFile: join(root, 'vite.web.config.ts') });
  await build({ ...silent, configFile: false, root: join(root, 'tests/bench/browser'), base: './', define: { __APP_VERSION__: '"bench"' }, worker: { format: 'es' }, build: { outDir: join(root, '.tmp/bench-web'), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4000 } });
}

async function initialChunk() {
  const dist = join(root, 'dist-web');
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  let gz = 0;
  let text = '';
  for (const f of files) {
    const bytes = await readFile(join(dist, f));
    gz += gzipSync(bytes).length;
    text += bytes.toString('utf8');
  }
  const kb = round(gz / 1024, 1);
  // chart.js registers "CategoryScale"; SheetJS carries its version banner.
  const heavy = ['CategoryScale', 'SheetJS'].filter((marker) => text.includes(marker));
  record({ id: 'bundle.initialChunkGzip', value: kb, unit: 'KiB', goal: '<=250 KiB, no chart.js or xlsx', ok: kb <= 250 && heavy.length === 0, note: heavy.length ? `contains ${heavy.join(', ')}` : `${files.length} file(s); chart.js and xlsx load lazily` });
}

async function storage(benchUrl: string) {
  const dir = await mkdtemp(join(tmpdir(), 'xinhuo-bench-'));
  const ctx = await persistent(dir);
  try {
    const page = await ctx.newPage();
    await page.goto(benchUrl);
    await page.waitForFunction(() => document.title === 'ready');
    type Api = { generate(n: number): Promise<{ roster: number; performance: number }>; storeBlocks(): Promise<number>; bulkPutRows(): Promise<number>; rawPutBlocks(): Promise<number> };
    const call = <K extends keyof Api>(name: K, ...args: Parameters<Api[K]>) =>
      page.evaluate(([n, a]) => (window as unknown as { xinhuoBench: Record<string, (...x: unknown[]) => unknown> }).xinhuoBench[n as string](...(a as unknown[])), [name, args] as const) as Promise<Awaited<ReturnType<Api[K]>>>;
    const sizes = await call('generate', EMPLOYEES);
    const rows = sizes.roster + sizes.performance;
    const blocks: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      blocks.push(await call('storeBlocks'));
      raw.push(await call('rawPutBlocks'));
    }
    const perRow = await call('bulkPutRows');
    const value = round(median(blocks) / 1000);
    const note = `${sizes.roster.toLocaleString('en')} employees + ${sizes.performance.toLocaleString('en')} quarterly scores`;
    const r1 = round(median(blocks) / perRow);
    record({ id: `store.blocks.vsRowPerRecord`, value, unit: 's', baseline: round(perRow / 1000), ratio: r1, goal: 'ratio<=0.1', ok: r1 <= 0.1, note });
    const r2 = round(median(blocks) / median(raw));
    record({ id: `store.blocks.vsRawIndexedDb`, value, unit: 's', baseline: round(median(raw) / 1000), ratio: r2, goal: 'ratio<=1.5', ok: r2 <= 1.5, note: `${rows.toLocaleString('en')} rows` });
  } finally {
    await ctx.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The facts worker's memory against the UI + screening-worker total it replaced. */
async function factMemory(benchUrl: string) {
  const dir = await mkdtemp(join(tmpdir(), 'xinhuo-bench-mem-'));
  const ctx = await chromium.launchPersistentContext(dir, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'], headless: true });
  try {
    const page = await ctx.newPage();
    await page.goto(benchUrl);
    await page.waitForFunction(() => document.title === 'ready');
    const r = await page.evaluate((n) => (window as unknown as { xinhuoBench: { factMemory(n: number): Promise<{ value: number; baseline: number; gc: boolean; parts: Record<string, number> }> } }).xinhuoBench.factMemory(n), EMPLOYEES);
    const mb = (b: number) => round(b / 1024 / 1024, 1);
    console.log('  memory parts (MB):', Object.entries(r.parts).map(([k, v]) => `${k} ${mb(v)}`).join(', '));
    const ratio = round(r.value / r.baseline);
    record({ id: 'facts.workerMemory', value: mb(r.value), unit: 'MB', baseline: mb(r.baseline), ratio, goal: 'ratio<=0.6', ok: ratio <= 0.6, note: `${EMPLOYEES.toLocaleString('en')} employees; facts worker (datasets once, screening snapshot, per-employee indexes) vs the UI thread's full model + the screening worker's copy and snapshot it replaced; JS heap growth after ${r.gc ? 'a forced GC' : 'no forced GC (gc not exposed)'}` });
  } finally {
    await ctx.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function importWorkbook(benchUrl: string) {
  const rows = EMPLOYEES;
  // A compressed .xlsx as HR systems export it; the file is served next to the bench page.
  writeFileSyncNode(join(root, '.tmp/bench-web/roster.xlsx'), bigRosterWorkbook(rows, true));
  const dir = await mkdtemp(join(tmpdir(), 'xinhuo-bench-import-'));
  const ctx = await persistent(dir);
  try {
    const page = await ctx.newPage();
    await page.goto(benchUrl);
    await page.waitForFunction(() => document.title === 'ready');
    const call = (name: string, ...args: unknown[]) => page.evaluate(([n, a]) => (window as unknown as { xinhuoBench: Record<string, (...x: unknown[]) => unknown> }).xinhuoBench[n as string](...(a as unknown[])), [name, args] as const) as Promise<{ ms: number; rows: number }>;
    const size = (await call('fetchWorkbook', `${benchUrl}roster.xlsx`)) as unknown as number;
    const reads: number[] = [];
    const imports: number[] = [];
    let imported = 0;
    for (let i = 0; i < REPEATS; i++) {
      reads.push((await call('sheetjsRead')).ms);
      const r = await call('fullImport');
      imports.push(r.ms);
      imported = r.rows;
    }
    const ratio = round(median(imports) / median(reads));
    record({ id: 'import.roster', value: round(median(imports) / 1000), unit: 's', baseline: round(median(reads) / 1000), ratio, goal: 'ratio<=1.5', ok: ratio <= 1.5 && imported === rows, note: `${imported.toLocaleString('en')} rows, ${(size / 1e6).toFixed(1)} MB xlsx; parse + map + validate + store vs XLSX.read` });
  } finally {
    await ctx.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Time and memory a hostile file may cost before it is refused: far below what it would cost to read. */
const HOSTILE_BUDGET = { seconds: 5, rssMb: 600 };

function hostileFiles() {
  const files = writeHostileFiles(join(root, '.tmp/hostile'));
  for (const f of files) {
    const r = analyseInChild(root, f.path, f.name.endsWith('.csv') ? 'roster' : undefined);
    // A huge cell is refused on its cell and the rest of the file imports; everything else is refused whole.
    const refused = f.expect === 'cellTooLong' ? r.ok && r.valid === 1 && r.issues >= 1 : !r.ok && r.code === f.expect;
    const ok = refused && r.seconds <= HOSTILE_BUDGET.seconds && r.maxRssMb <= HOSTILE_BUDGET.rssMb;
    record({ id: `hostile.${f.name}`, value: round(r.seconds, 2), unit: 's', goal: `refused as ${f.expect}, <=${HOSTILE_BUDGET.seconds} s, <=${HOSTILE_BUDGET.rssMb} MB`, ok, note: `${(r.bytes / 1e6).toFixed(1)} MB file; ${r.ok ? `read, ${r.valid} valid row(s), ${r.issues} issue(s)` : `refused: ${r.code}`}; peak ${Math.round(r.maxRssMb)} MB` });
  }
}

function millionRowWorkbook() {
  const rows = quick ? 100_000 : 1_000_000;
  const file = join(root, '.tmp/million-roster.xlsx');
  writeMillionRowWorkbook(file, rows);
  const r = analyseInChild(root, file, 'roster');
  record({ id: 'import.millionRowWorkbook', value: round(r.seconds, 1), unit: 's', goal: 'report', ok: r.ok && r.valid === rows, note: `${rows.toLocaleString('en')} rows, ${(r.bytes / 1e6).toFixed(1)} MB xlsx, read + map + validate in Node (the wizard's worker runs the same code); peak ${Math.round(r.maxRssMb)} MB` });
  record({ id: 'import.millionRowWorkbook.peakMemory', value: Math.round(r.maxRssMb), unit: 'MB', goal: 'report', ok: r.ok, note: 'peak resident memory of the importing process' });
}

function importGbkCsv() {
  const rows = quick ? 100_000 : 1_000_000;
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const file = join(root, '.tmp/learning-gbk.csv');
  writeLearningCsv(file, rows);
  const out = execFileSync(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', join(root, 'tests/bench/import-csv.ts'), file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const r = JSON.parse(out.trim().split('\n').pop()!) as { rows: number; valid: number; encoding: string; seconds: number; maxRssMb: number; bytes: number };
  const perSecond = Math.round(r.rows / r.seconds);
  record({ id: 'import.learningCsvGbk.rowsPerSecond', value: perSecond, unit: 'rows/s', goal: 'report', ok: r.valid === rows && r.encoding === 'gb18030', note: `${rows.toLocaleString('en')} rows, ${(r.bytes / 1e6).toFixed(0)} MB GBK, ${round(r.seconds, 1)} s in Node` });
  record({ id: 'import.learningCsvGbk.peakMemory', value: Math.round(r.maxRssMb), unit: 'MB', goal: 'report', ok: true, note: 'peak resident memory of the importing process' });
}

/** The simplest single pass that answers a screening question: mean score in the window per employee, then a comparison. */
function minimalPass(data: ScreeningData, asOf: string, years: number): number {
  const lo = Math.round(Date.parse(addYears(asOf, -years)) / 86_400_000);
  const hi = Math.round(Date.parse(asOf) / 86_400_000);
  const score = data.perf.metrics.score;
  let passing = 0;
  for (let e = 0; e < data.n; e++) {
    let sum = 0;
    let count = 0;
    for (let k = data.perf.start[e]; k < data.perf.start[e + 1]; k++) {
      const d = data.perf.day[k];
      if (d > lo && d <= hi) {
        sum += score[k];
        count++;
      }
    }
    if (count && sum / count >= 85) passing++;
  }
  return passing;
}

function timeIt(runs: number, f: (i: number) => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f(i);
    times.push(performance.now() - t0);
  }
  return median(times);
}

function screening() {
  const plant = generateDemoPlant({ employees: EMPLOYEES, seed: 'bench', endQuarter: '2026Q3', plant: { code: 'B01', name: '基准厂', region: '' } });
  const t0 = performance.now();
  const data = buildScreeningData(plant.datasets);
  const precompute = performance.now() - t0;
  const note = `${EMPLOYEES.toLocaleString('en')} employees, ${plant.datasets.performance.length.toLocaleString('en')} quarterly scores, ${plant.datasets.ratings.length.toLocaleString('en')} ratings, ${plant.datasets.activities.length.toLocaleString('en')} activities`;
  record({ id: 'screening.precompute', value: round(precompute), unit: 'ms', goal: 'report', ok: true, note });
  const runs = quick ? 5 : 9;
  const baseline = timeIt(runs, (i) => minimalPass(data, plant.asOf, 2 + (i % 2)));
  const withYears = (years: number): Profile => ({ ...SEED_PROFILE, criteria: SEED_PROFILE.criteria.map((c) => ('years' in c ? { ...c, years } : c)) });
  // The first evaluation on a new snapshot also works out who is active at D and who is in view.
  const cold = timeIt(runs, () => new Screener(data).evaluate(SEED_PROFILE, plant.asOf));
  record({ id: 'screening.evaluate.firstOnSnapshot', value: round(cold, 2), unit: 'ms', baseline: round(baseline, 2), ratio: round(cold / baseline, 2), goal: 'report', ok: true, note: 'seed profile on a fresh engine: activeness at D, view, four aggregates, ranking' });
  // A change of window invalidates every aggregate: each run asks for a window not seen before,
  // so all four criteria are re-aggregated and the percentile population re-ranked.
  const session = new Screener(data);
  session.evaluate(SEED_PROFILE, plant.asOf);
  const reaggregate = timeIt(runs, (i) => session.evaluate(withYears(3 + i), plant.asOf));
  const r1 = round(reaggregate / baseline, 2);
  record({ id: 'screening.evaluate.reaggregate', value: round(reaggregate, 2), unit: 'ms', baseline: round(baseline, 2), ratio: r1, goal: '<50 ms', ok: reaggregate < 50, note: 'seed profile, window changed to one not seen before: all four aggregates recomputed; baseline = one minimal typed-array pass' });
  // A threshold change re-compares one criterion over cached aggregates.
  const warm = new Screener(data);
  warm.evaluate(SEED_PROFILE, plant.asOf);
  const values = Array.from({ length: runs }, (_, i) => 4 + i * 0.05);
  const coaching = (i: number): Profile => ({ ...SEED_PROFILE, criteria: SEED_PROFILE.criteria.map((c) => (c.id === 'coaching' ? { ...c, value: values[i] } : c)) });
  const thresholdOnly = timeIt(runs, (i) => warm.evaluate(coaching(i), plant.asOf));
  const refilter = timeIt(runs, (i) => {
    const v = warm.ratingValues('带教能力', 'mean', 2, plant.asOf);
    let n = 0;
    for (let e = 0; e < v.length; e++) if (v[e] >= values[i]) n++;
    return n;
  });
  const r2 = round(thresholdOnly / refilter, 2);
  record({ id: 'screening.evaluate.thresholdOnly', value: round(thresholdOnly, 2), unit: 'ms', baseline: round(refilter, 3), ratio: r2, goal: '<5 ms', ok: thresholdOnly < 5, note: 'coaching threshold moved; baseline = re-filtering the cached aggregate' });
  // What the screen waits for per slider step: the evaluation, the report (counts, funnel,
  // histograms, first page of each list) and copying it to the UI thread.
  const reply = new Screener(data);
  reply.evaluate(SEED_PROFILE, plant.asOf);
  const live = timeIt(runs, (i) => structuredClone(buildReport(data, reply.evaluate(coaching((i + 3) % runs), plant.asOf), 100)));
  record({ id: 'screening.liveReply.thresholdOnly', value: round(live, 2), unit: 'ms', baseline: round(thresholdOnly, 2), ratio: round(live / thresholdOnly, 2), goal: 'report', ok: true, note: 'evaluation + report with the first 100 rows per list + structured clone, as the worker replies; baseline = the evaluation alone' });
}

const BENCH_PASSWORD = 'bench-password-1';

/** The first-run setup as an officer fills it in, with the demo plant when `demoEmployees` is given. */
async function setUpInstallation(page: Page, demoEmployees?: number) {
  await page.getByLabel('单位名称').fill('基准集团');
  await page.getByLabel('厂区代码').fill('B01');
  await page.getByLabel('厂区名称').fill('基准厂');
  await page.getByLabel('用户名').fill('bench');
  await page.getByLabel('姓名').fill('基准');
  await page.getByLabel('密码', { exact: true }).fill(BENCH_PASSWORD);
  await page.getByLabel('确认密码').fill(BENCH_PASSWORD);
  if (demoEmployees) {
    await page.getByLabel(/载入示例工厂/).check();
    await page.getByLabel('员工人数').fill(String(demoEmployees));
  }
  await page.getByRole('button', { name: '完成设置' }).click();
}

/**
 * An officer's import through the wizard, as a journey does it: file, sheet, mapping, preview
 * scrolled to its end, mode, the other-plant confirmation, commit, and the people list showing
 * every row. Returns the seconds from choosing the file to the people list.
 */
async function throughWizard(page: Page, file: string, rows: number): Promise<number> {
  const long = { timeout: 1_800_000 };
  await page.getByRole('link', { name: '导入数据' }).click();
  await page.getByRole('button', { name: '选择表格文件' }).waitFor();
  const started = performance.now();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择表格文件' }).click();
  await (await chooser).setFiles(file);
  await page.getByText(/^表头：/).waitFor(long);
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByTestId('import-counts').filter({ hasText: `可导入 ${rows.toLocaleString('zh-CN')} 行` }).waitFor(long);
  // A table longer than a browser can scroll shows its rows in windows: go to the last one.
  const later = page.getByRole('button', { name: '后面的行' });
  while ((await later.count()) && (await later.isEnabled())) await later.click();
  await page.getByTestId('vtable-body').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await page.locator(`[role=row][aria-rowindex="${rows + 1}"]`).waitFor(long);
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByTestId('plan-counts').waitFor(long);
  // A bench workbook may name another plant: confirm it belongs here, as an officer would.
  const otherPlant = page.getByRole('checkbox', { name: /确认这些数据属于/ });
  if (await otherPlant.count()) await otherPlant.check();
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.getByTestId('import-done').waitFor(long);
  await page.getByRole('link', { name: '员工' }).click();
  await page.getByTestId('people-count').filter({ hasText: `共 ${rows.toLocaleString('zh-CN')} 人` }).waitFor(long);
  return (performance.now() - started) / 1000;
}

/** The largest total resident memory of the browser's processes while `work` runs, in MB (sampled every 250 ms). */
async function peakBrowserMemory<T>(work: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peak = 0;
  const sample = () => {
    try {
      const out = execFileSync('ps', ['-C', 'chromium', '-o', 'rss='], { encoding: 'utf8' });
      peak = Math.max(peak, out.split('\n').reduce((n, l) => n + (Number(l.trim()) || 0), 0) / 1024);
    } catch {
      // no chromium process at this instant
    }
  };
  const timer = setInterval(sample, 250);
  try {
    const value = await work();
    return { value, peakMb: Math.round(peak) };
  } finally {
    clearInterval(timer);
  }
}

/**
 * The longest task on the UI thread while an officer imports a 50 MB, 100,000-row roster
 * workbook through the wizard (file, sheet, mapping, preview scrolled to the end, commit).
 */
async function importUiLongTasks(appUrl: string) {
  const rows = quick ? 10_000 : 100_000;
  const dir = await mkdtemp(join(tmpdir(), 'xinhuo-bench-ui-'));
  const file = join(dir, '集团花名册.xlsx');
  execFileSync(process.execPath, ['--import', 'tsx', join(root, 'tests/fixtures/import/big-roster.ts'), file, String(rows)]);
  const ctx = await persistent(join(dir, 'profile'));
  try {
    const page = await ctx.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { longTasks: number[]; measuring: boolean };
      w.longTasks = [];
      w.measuring = false;
      new PerformanceObserver((list) => {
        if (w.measuring) for (const e of list.getEntries()) w.longTasks.push(e.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    await page.goto(appUrl);
    await setUpInstallation(page);
    await page.getByText('还没有员工数据。').waitFor();
    await page.evaluate(() => ((window as unknown as { measuring: boolean }).measuring = true));
    await throughWizard(page, file, rows);
    const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    const longest = Math.round(Math.max(0, ...tasks));
    record({ id: 'import.uiLongestTask', value: longest, unit: 'ms', goal: '<=100 ms', ok: longest <= 100, note: `${rows.toLocaleString('en')}-row roster workbook through the wizard, preview scrolled to the end; ${tasks.length} UI-thread tasks over 50 ms` });
  } finally {
    await ctx.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The one-million-row workbook (the same file as import.millionRowWorkbook) through the
 * wizard in Chromium, with encryption at rest: seconds from choosing the file to the people
 * list showing every row, and the browser's peak memory (every Chromium process together).
 */
async function millionRowWizard(appUrl: string) {
  const rows = quick ? 100_000 : 1_000_000;
  const dir = await mkdtemp(join(tmpdir(), 'xinhuo-bench-1m-'));
  const file = join(dir, 'million-roster.xlsx');
  const bytes = writeMillionRowWorkbook(file, rows);
  const ctx = await persistent(join(dir, 'profile'));
  try {
    const page = await ctx.newPage();
    await page.goto(appUrl);
    await setUpInstallation(page);
    await page.getByText('还没有员工数据。').waitFor();
    const { value: seconds, peakMb } = await peakBrowserMemory(() => throughWizard(page, file, rows));
    record({ id: 'import.millionRowWizard', value: round(seconds, 1), unit: 's', goal: 'report', ok: true, note: `${rows.toLocaleString('en')} rows, ${(bytes / 1e6).toFixed(1)} MB xlsx through the wizard in Chromium (parse, preview to the end, commit encrypted at rest, people list); peak ${peakMb} MB across Chromium's processes` });
    record({ id: 'import.millionRowWizard.peakMemory', value: peakMb, unit: 'MB', goal: 'report', ok: true, note: 'peak resident memory of every Chromium process during the wizard import' });
  } catch (e) {
    record({ id: 'import.millionRowWizard', value: 0, unit: 's', goal: 'report', ok: false, note: `failed: ${(e as Error).message.split('\n')[0]}` });
  } finally {
    await ctx.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A threshold slider step as the officer sees it: from the input event on the coaching
 * threshold to the next frame after the screen shows the new evaluation (the results carry
 * data-evaluation), over the plant the cold start stored. A person's input arrives at any
 * point of a frame, so the steps are spaced by 100 ms plus a different part of a frame each
 * time; spaced by exactly 100 ms (six frames at 60 Hz) every input would land just after a
 * frame began and every step would wait for a whole frame whatever the app did. Besides the
 * time to the frame (the goal: under 16 ms, one frame at 60 Hz), each step reports the app's
 * own part (input to the new list committed and laid out) and the frame the new list is
 * painted in (1: the first Chromium began after the input).
 */
async function sliderStep(dir: string, appUrl: string, password: string) {
  const ctx = await persistent(dir);
  try {
    const page = await ctx.newPage();
    await page.goto(appUrl);
    await page.getByLabel('用户名').fill('bench');
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('link', { name: '培训师筛选' }).click();
    await page.locator('.results[data-evaluation]').waitFor({ timeout: 300_000 });
    const steps = 31;
    const samples = await page.evaluate(async (n) => {
      const box = [...document.querySelectorAll<HTMLInputElement>('input[type=number]')].find((el) => el.getAttribute('aria-label')?.startsWith('门槛（带教能力'))!;
      const results = document.querySelector('.results')!;
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      const out: { toFrame: number; laidOut: number; frame: number }[] = [];
      let seed = 20261203;
      for (let i = 0; i < n; i++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        await new Promise((r) => setTimeout(r, 100 + (seed % 17)));
        const before = results.getAttribute('data-evaluation');
        // Frames that begin between the input and the new list: the list is painted in the next one.
        // (A slot, not a named function: the bench's TypeScript loader would wrap a name in a helper the page lacks.)
        let framesBegun = 0;
        let counting = true;
        const count: FrameRequestCallback[] = [];
        count[0] = () => {
          if (!counting) return;
          framesBegun++;
          requestAnimationFrame(count[0]);
        };
        const t0 = performance.now();
        requestAnimationFrame(count[0]);
        setValue.call(box, i % 2 ? '4.5' : '4.6');
        box.dispatchEvent(new Event('input', { bubbles: true }));
        const sample = await new Promise<{ toFrame: number; laidOut: number; frame: number }>((resolve) => {
          const obs = new MutationObserver(() => {
            if (results.getAttribute('data-evaluation') === before) return;
            obs.disconnect();
            results.getBoundingClientRect();
            const laidOut = performance.now() - t0;
            const frame = framesBegun + 1;
            counting = false;
            requestAnimationFrame(() => resolve({ toFrame: performance.now() - t0, laidOut, frame }));
          });
          obs.observe(results, { attributes: true, attributeFilter: ['data-evaluation'] });
        });
        out.push(sample);
      }
      return out;
    }, steps);
    // The first steps warm the JIT and the caches of the new window; the median is the figure.
    const toFrame = samples.map((s) => s.toFrame);
    const laidOut = samples.map((s) => s.laidOut);
    const frames = samples.map((s) => s.frame);
    const value = round(median(toFrame), 1);
    const inFirst = frames.filter((f) => f === 1).length;
    record({ id: 'screening.sliderStepToFrame', value, unit: 'ms', goal: '<16 ms median', ok: value < 16, note: `${EMPLOYEES.toLocaleString('en')} employees; input event on the coaching threshold (at varied points of a frame) to the frame after the list shows the new evaluation, median of ${steps} (min ${round(Math.min(...toFrame), 1)}, max ${round(Math.max(...toFrame), 1)})` });
    const work = round(median(laidOut), 1);
    record({ id: 'screening.sliderStepToList', value: work, unit: 'ms', goal: '<16 ms median', ok: work < 16, note: `the app's part: input event to the new list committed and laid out, median of ${steps} (min ${round(Math.min(...laidOut), 1)}, max ${round(Math.max(...laidOut), 1)})` });
    // Which frame shows the list is reported, not a goal: the goal is the time above (under 16 ms,
    // one frame at 60 Hz). Chromium begins the frame after an input as soon as the input's task
    // ends, about 1.5 ms after the input, and the worker's reply is there first only in about half
    // the steps, whatever the app does after it.
    record({ id: 'screening.sliderStepFrame', value: median(frames), unit: 'frame', goal: 'reported', ok: true, note: `${inFirst} of ${steps} steps painted the new list in the first frame Chromium began after the input, the others in the second` });
  } finally {
    await ctx.close();
  }
}

/** In the page: resolves once database `xinhuo` holds a kept people index (polling; at most 60 s). */
async function keptIndexWritten(): Promise<void> {
  // A slot, not a named function: the bench's TypeScript loader would wrap a name in a helper the page lacks.
  const count: (() => Promise<number>)[] = [];
  count[0] = () =>
    new Promise<number>((resolve, reject) => {
      const open = indexedDB.open('xinhuo');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('derived')) return (db.close(), resolve(0));
        const req = db.transaction('derived', 'readonly').objectStore('derived').count();
        req.onsuccess = () => (db.close(), resolve(req.result));
        req.onerror = () => (db.close(), reject(req.error));
      };
    });
  for (let waited = 0; waited < 60_000 && (await count[0]()) === 0; waited += 200) await new Promise((r) => setTimeout(r, 200));
}

/** In the page: drops the kept people index of database `xinhuo`. */
async function dropKeptIndex(): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('xinhuo');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('derived', 'readwrite');
      tx.objectStore('derived').clear();
      tx.oncomplete = () => (db.close(), resolve());
      tx.onerror = () => (db.close(), reject(tx.error));
    };
  });
}

async function coldStart(appUrl: string) {
  const dir = await mkdtemp(join(tmpdir(), 'xinhuo-bench-app-'));
  const password = BENCH_PASSWORD;
  try {
    let ctx = await persistent(dir);
    let page = await ctx.newPage();
    await page.goto(appUrl);
    await setUpInstallation(page, EMPLOYEES);
    const expected = `共 ${EMPLOYEES.toLocaleString('zh-CN')} 人`;
    await page.getByTestId('people-count').filter({ hasText: expected }).waitFor({ timeout: 300_000 });
    await page.evaluate(keptIndexWritten);
    await ctx.close();

    const runs: number[] = [];
    const signIn: number[] = [];
    let rebuilt = 0;
    // The last run starts without the kept people index (dropped beforehand), as after an import.
    for (let i = 0; i <= REPEATS; i++) {
      if (i === REPEATS) {
        ctx = await persistent(dir);
        page = await ctx.newPage();
        await page.goto(appUrl);
        await page.evaluate(dropKeptIndex);
        await ctx.close();
      }
      ctx = await persistent(dir);
      page = await ctx.newPage();
      const t0 = Date.now();
      await page.goto(appUrl);
      await page.getByRole('button', { name: '登录' }).waitFor();
      const tLogin = Date.now() - t0;
      await page.getByLabel('用户名').fill('bench');
      await page.getByLabel('密码').fill(password);
      const t1 = Date.now();
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByTestId('people-count').filter({ hasText: expected }).waitFor({ timeout: 60_000 });
      await page.locator('[role=row][aria-rowindex="2"]').waitFor();
      const tList = Date.now() - t1;
      if (i === REPEATS) rebuilt = tLogin + tList;
      else {
        runs.push(tLogin + tList);
        signIn.push(tList);
      }
      await page.evaluate(keptIndexWritten);
      await ctx.close();
    }
    const value = round(median(runs) / 1000);
    await sliderStep(dir, appUrl, password);
    record({ id: 'startup.peopleListUsable', value, unit: 's', goal: '<2 s', ok: value < 2, note: `${EMPLOYEES.toLocaleString('en')} employees stored; page load to login screen + sign-in (PBKDF2 600k) to a filled list with the kept people index, typing excluded, median of ${REPEATS}; sign-in part ${round(median(signIn) / 1000)} s` });
    record({ id: 'startup.peopleListRebuilt', value: round(rebuilt / 1000), unit: 's', goal: 'reported', ok: true, note: 'the same without a kept people index (the first start after an import made outside this session): built from the roster blocks, then kept' });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Our merge into the memory store against PouchDB replicating the same records between two in-memory databases (Node). */
async function pouchComparison(n: number) {
  const { default: PouchDB } = await import('pouchdb-core');
  const { default: memory } = await import('pouchdb-adapter-memory');
  const { default: replication } = await import('pouchdb-replication');
  PouchDB.plugin(memory).plugin(replication);
  const { createOrg } = await import('../../shared/bundle/keys.ts');
  const { plantReplica, hqReplica } = await import('../../shared/bundle/setup.ts');
  const { exportSync, receive } = await import('../../shared/bundle/replica.ts');
  const { runChange } = await import('../../shared/records/store.ts');
  // Read as `xinhuo bundle merge` reads: with Node's zlib.
  const { setInflater } = await import('../../shared/bundle/format.ts');
  const { nodeInflate } = await import('../../cli/node-inflate.ts');
  setInflater(nodeInflate);
  const org = createOrg('基准集团');
  const p = await plantReplica(org, { code: 'B01', name: '基准厂', region: '' });
  const at = '2026-11-20T08:00:00.000Z';
  await runChange(p.store, p.actor, 'pipeline', ['pipeline'], async (ctx) => {
    for (let i = 0; i < n; i += 5000)
      await ctx.put('pipeline', ...Array.from({ length: Math.min(5000, n - i) }, (_, k) => ({ employeeId: String(100000 + i + k), name: `员工${i + k}`, department: `部门${(i + k) % 40}`, stage: 'shortlisted' as const, history: [{ from: null, to: 'shortlisted' as const, at, userId: 'u', userName: 'officer' }], runId: 'run-1', source: 'candidate' as const, profileName: '画像', profileVersion: 1, asOf: '2026-09-30', createdAt: at, updatedAt: at })));
  });
  const ex = (await exportSync(p.store, p.actor, p.keys, { snapshot: true }))!;
  const ours: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const hq = await hqReplica(org);
    const t = performance.now();
    await receive(hq.store, hq.actor, [{ name: ex.fileName, bytes: ex.bytes }], { org: org.org }, org.keys.box);
    ours.push(performance.now() - t);
  }
  const records = await p.store.list('pipeline');
  const source = new PouchDB(`bench-a-${Date.now()}`, { adapter: 'memory' });
  for (let i = 0; i < records.length; i += 5000) await source.bulkDocs(records.slice(i, i + 5000).map((r) => ({ ...r, _id: r.id })));
  const target = new PouchDB(`bench-b-${Date.now()}`, { adapter: 'memory' });
  const t = performance.now();
  await PouchDB.replicate(source, target, { batch_size: 1000 });
  const pouch = performance.now() - t;
  const value = round(median(ours) / 1000);
  const ratio = round(median(ours) / pouch);
  record({ id: 'sync.mergeVsPouchDb', value, unit: 's', baseline: round(pouch / 1000), ratio, goal: 'ratio<=0.1', ok: ratio <= 0.1, note: `${n.toLocaleString('en')} records; verify + decrypt + apply into the memory record store, read as the CLI reads (Node's zlib), vs PouchDB replicating the same records between two in-memory databases (Node)` });
}

async function syncBrowser(benchUrl: string) {
  const dir = await mkdtemp(join(tmpdir(), 'xinhuo-bench-sync-'));
  const ctx = await persistent(dir);
  try {
    const page = await ctx.newPage();
    await page.goto(benchUrl);
    await page.waitForFunction(() => document.title === 'ready');
    const call = <T>(name: string, ...args: unknown[]) => page.evaluate(([n, a]) => (window as unknown as { xinhuoBench: Record<string, (...x: unknown[]) => unknown> }).xinhuoBench[n as string](...(a as unknown[])), [name, args] as const) as Promise<T>;
    const n = EMPLOYEES;
    type M = { records: number; stored: number; exportMs: number; baseExportMs: number; verifyMs: number; mergeMs: number; baseMergeMs: number; bundleBytes: number; gzipBytes: number };
    const runs: M[] = [];
    for (let i = 0; i < REPEATS; i++) runs.push(await call<M>('bundleMerge', n));
    const med = (k: keyof M) => median(runs.map((r) => r[k]));
    const note = `${n.toLocaleString('en')} selection records with envelopes; baseline: gzip + JSON of the same records (IndexedDB bulkPut for the merge)`;
    const r1 = round(med('exportMs') / med('baseExportMs'));
    record({ id: 'sync.export', value: round(med('exportMs') / 1000), unit: 's', baseline: round(med('baseExportMs') / 1000), ratio: r1, goal: 'reported', ok: true, note });
    record({ id: 'sync.verifyAndRead', value: round(med('verifyMs') / 1000), unit: 's', goal: 'reported', ok: true, note: 'signature, hashes, decrypt, inflate, count, restore every record' });
    const r2 = round(med('mergeMs') / med('baseMergeMs'));
    record({ id: 'sync.merge', value: round(med('mergeMs') / 1000), unit: 's', baseline: round(med('baseMergeMs') / 1000), ratio: r2, goal: 'ratio<=2', ok: r2 <= 2, note });
    const perRecord = round(med('bundleBytes') / n, 1);
    record({ id: 'sync.bytesPerRecord', value: perRecord, unit: 'B', baseline: round(med('gzipBytes') / n, 1), ratio: round(med('bundleBytes') / med('gzipBytes')), goal: 'reported', ok: true, note: 'bundle file vs gzip of the JSON' });

    const plants = quick ? 5 : 50;
    const employees = quick ? 1000 : 5000;
    const made = await call<{ bundles: number; factRows: number; bytes: number }>('makeGroup', plants, employees);
    const merged = await call<{ ms: number; factRows: number }>('mergeGroup');
    const mergeS = round(merged.ms / 1000, 1);
    record({ id: 'sync.headOfficeMerge', value: mergeS, unit: 's', goal: '<60 s', ok: mergeS < 60, note: `${plants} plants × ${employees.toLocaleString('en')} employees, 12 quarters: ${made.factRows.toLocaleString('en')} fact rows in ${made.bundles} snapshot bundles (${round(made.bytes / 1024 / 1024, 1)} MB) into IndexedDB` });
    const scr = await call<{ employees: number; median: number; max: number }>('groupScreening', 15);
    record({ id: 'sync.groupThresholdChange', value: round(scr.median, 1), unit: 'ms', goal: '<50 ms', ok: scr.median < 50, note: `${scr.employees.toLocaleString('en')} employees of the whole group; evaluate + first page of the report, median of 15 (max ${round(scr.max, 1)})` });
    await page.close();
    // Head office's start-up with the group stored: the app at the same origin, database `xinhuo`.
    // The first open after the merge builds the people index and keeps it (the app keeps it
    // itself when it merges; this merge ran beside it); the opens after it read it back.
    const openApp = async () => {
      const app = await ctx.newPage();
      const t0 = Date.now();
      await app.goto(`${benchUrl}app/index.html`);
      await app.getByRole('button', { name: '登录' }).waitFor({ timeout: 60_000 });
      // Typing is the officer's time, not the app's.
      const t1 = Date.now();
      await app.getByLabel('用户名').fill('bench');
      await app.getByLabel('密码').fill('bench-password');
      const typed = Date.now();
      await app.getByRole('button', { name: '登录' }).click();
      await app.getByTestId('people-count').filter({ hasText: `共 ${(plants * employees).toLocaleString('zh-CN')} 人` }).waitFor({ timeout: 300_000 });
      await app.locator('[role=row][aria-rowindex="2"]').waitFor();
      const ms = Date.now() - t0 - (typed - t1);
      // The kept index is written after the list shows: let it land before the page closes.
      await app.evaluate(keptIndexWritten);
      await app.close();
      return ms;
    };
    const firstS = round((await openApp()) / 1000, 2);
    record({ id: 'sync.headOfficeStartupAfterMerge', value: firstS, unit: 's', goal: 'reported', ok: true, note: 'the first open after the merge: the people index is built from every plant\'s roster blocks, then kept' });
    const runsStart: number[] = [];
    for (let i = 0; i < REPEATS; i++) runsStart.push(await openApp());
    const startS = round(median(runsStart) / 1000, 2);
    record({ id: 'sync.headOfficeStartup', value: startS, unit: 's', goal: '<3 s', ok: startS < 3, note: `${(plants * employees).toLocaleString('en')} employees of ${plants} plants stored; page load, sign-in (PBKDF2 600k) and the filled people list with the kept people index, typing excluded, median of ${REPEATS}` });
  } finally {
    await ctx.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function main() {
  console.log(`Xinhuo bench (${quick ? 'quick' : 'full'}): ${EMPLOYEES.toLocaleString('en')} employees\n`);
  if (wanted('screening')) screening();
  if (wanted('storage') || wanted('import') || wanted('startup') || only === 'memory' || only === 'wizard') {
    await buildAll();
    if (wanted('startup')) await initialChunk();
    const app = await serve(join(root, 'dist-web'));
    const bench = await serve(join(root, '.tmp/bench-web'));
    try {
      if (wanted('storage')) await storage(bench.url);
      if (wanted('startup') || only === 'memory') await factMemory(bench.url);
      if (wanted('import')) await importWorkbook(bench.url);
      if (wanted('import')) await importUiLongTasks(app.url);
      if (wanted('import') || only === 'wizard') await millionRowWizard(app.url);
      if (wanted('startup')) await coldStart(app.url);
    } finally {
      app.proc.kill();
      bench.proc.kill();
    }
  }
  if (wanted('import')) importGbkCsv();
  if (wanted('import')) millionRowWorkbook();
  if (wanted('hostile')) hostileFiles();
  if (only === 'pouch') await pouchComparison(EMPLOYEES);
  if (wanted('sync')) {
    await pouchComparison(EMPLOYEES);
    await buildAll();
    // The app beside the bench page, at the same origin: head office's start-up reads what the bench page merged.
    await cp(join(root, 'dist-web'), join(root, '.tmp/bench-web/app'), { recursive: true });
    const bench = await serve(join(root, '.tmp/bench-web'));
    try {
      await syncBrowser(bench.url);
    } finally {
      bench.proc.kill();
    }
  }
  await writeFile(join(root, 'bench-results.json'), JSON.stringify({ mode: quick ? 'quick' : 'full', only, employees: EMPLOYEES, results }, null, 2) + '\n');
  console.log(`\nwrote bench-results.json (${results.filter((r) => r.ok).length}/${results.length} within goal)`);
}

await main();
