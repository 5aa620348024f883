// English that is English: with English chosen, no screen a training officer or a reviewer
// opens shows Chinese except data (see pages/english.ts), at a desktop width and on a tablet —
// lists, the employee page, every screening tab and the explanation, the round and its
// dialogs, each step of an import with a refused row, sync, the audit log and settings.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import * as XLSX from 'xlsx';
import { generateDemoPlant } from '../../shared/domain/demo/generate.ts';
import { DATASETS } from '../../shared/domain/facts/datasets.ts';
import { lastCompleteQuarter } from '../../shared/domain/periods.ts';
import { XinhuoApp } from './pages/app.ts';
import { chineseOutsideData, dataLexicon } from './pages/english.ts';

const EMPLOYEES = 400;
const ROUND = '2026年度内训师选拔';

/** The headers of a three-column roster the officer imports: one person moves department, one row has no 工号. */
const ROSTER_HEADERS = ['工号', '姓名', '部门'];

/** The demo plant the app generates at setup: what it holds and what the officer typed, and a few of its rows. */
function demoData(): { lexicon: string[]; roster: string[][] } {
  const plant = generateDemoPlant({
    employees: EMPLOYEES,
    seed: '1',
    endQuarter: lastCompleteQuarter(new Date().toISOString().slice(0, 10)).label,
    plant: { code: 'P01', name: '华东第一制造厂', region: '江苏省' },
  });
  const files = Object.keys(plant.datasets).map((name) => `示例工厂-${DATASETS[name as keyof typeof DATASETS].zh}.xlsx`);
  const r = plant.datasets.roster.columns as Record<string, (string | null)[]>;
  const departments = [...new Set(r.department)];
  const roster = [ROSTER_HEADERS, [r.employeeId[0]!, r.name[0]!, departments.find((d) => d !== r.department[0])!], [r.employeeId[1]!, r.name[1]!, r.department[1]!], ['', r.name[2]!, r.department[2]!]];
  return { lexicon: dataLexicon([plant], ['华东能源集团', '华东第一制造厂', '江苏省', '王培训', ROUND, ...ROSTER_HEADERS, ...files]), roster };
}

async function visit(page: Page, link: string) {
  const menu = page.getByRole('button', { name: /Menu$/ });
  if (await menu.isVisible()) await menu.click();
  const target = page.getByRole('navigation').getByRole('link', { name: link, exact: true });
  const href = (await target.getAttribute('href')) ?? '';
  await target.click();
  await expect(page).toHaveURL((url) => url.hash === href);
  await page.waitForTimeout(400);
}

test.use({ actionTimeout: 15_000 });

test('in English, no screen shows Chinese outside data', async ({ page }) => {
  test.setTimeout(240_000);
  const { lexicon, roster } = demoData();
  const dir = await mkdtemp(join(tmpdir(), 'xinhuo-english-'));
  const rosterFile = join(dir, 'roster-three-columns.xlsx');
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(roster), 'Sheet1');
  await writeFile(rosterFile, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  const app = new XinhuoApp(page);
  await app.open();
  await app.setUpPlant({ demoEmployees: EMPLOYEES });
  await app.waitForPeople(EMPLOYEES);
  // Something in every screen: a saved run handed to a round, one person invited.
  await page.getByRole('link', { name: '培训师筛选' }).click();
  await page.getByRole('button', { name: '保存本次筛选' }).click();
  await page.getByRole('region', { name: '已保存的筛选' }).getByRole('button', { name: '加入选拔流程' }).click();
  const handOff = page.getByRole('dialog');
  await handOff.getByLabel('批次名称').fill(ROUND);
  await handOff.getByLabel('开始日期').fill('2026-12-01');
  await handOff.getByRole('checkbox').first().check();
  await handOff.getByRole('button', { name: /^加入（/ }).click();
  await expect(page.getByRole('status').filter({ hasText: '已加入选拔流程' })).toBeVisible();
  await page.getByRole('link', { name: '选拔流程', exact: true }).click();
  await page.getByRole('table', { name: '选拔流程' }).getByRole('button', { name: /^邀请 / }).first().click();
  await expect(page.getByRole('tab', { name: '已邀请 1' })).toBeVisible();

  await page.getByRole('link', { name: '设置' }).click();
  await page.getByLabel('English').check();
  await expect(page.getByRole('link', { name: 'People' })).toBeVisible();

  const found: Record<string, string[]> = {};
  const check = async (screen: string) => {
    const hits = await chineseOutsideData(page, lexicon);
    if (hits.length) found[screen] = hits;
  };
  for (const size of [{ width: 1440, height: 900 }, { width: 768, height: 1024 }]) {
    await page.setViewportSize(size);
    const at = `@${size.width}`;
    await check(`settings${at}`);
    await visit(page, 'People');
    await expect(page.getByTestId('people-count')).toHaveText(/400/);
    await check(`people${at}`);
    await page.getByRole('table', { name: 'People' }).getByRole('row').nth(1).click();
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await page.waitForTimeout(500);
    await check(`employee${at}`);
    await visit(page, 'Screening');
    await expect(page.getByTestId('tab-candidates')).toHaveText(/\d+/);
    await check(`screening${at}`);
    for (const tab of ['nearMisses', 'distribution']) {
      const button = page.getByTestId(`tab-${tab}`);
      if (!(await button.count())) continue;
      await button.click();
      await page.waitForTimeout(300);
      await check(`screening ${tab}${at}`);
    }
    await page.getByTestId('tab-candidates').click();
    await page.getByRole('button', { name: /^(Why|Show|View)/ }).first().click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await check(`screening drawer${at}`);
    await page.keyboard.press('Escape');
    await visit(page, 'Selection');
    await expect(page.getByTestId('round-facts')).toBeVisible();
    if (size.width === 1440) {
      const topics = page.getByRole('region', { name: 'Topic list' });
      await topics.getByLabel('Theme', { exact: true }).fill('Lean changeovers');
      await topics.getByRole('button', { name: 'Add to the topic list' }).click();
      await expect(topics.getByRole('status')).toHaveText('Added to the topic list: Lean changeovers');
    }
    await check(`pipeline table${at}`);
    await page.getByRole('button', { name: 'Add by hand' }).click();
    await page.getByRole('dialog').getByLabel(/ID/).fill(roster[1][0]);
    await page.waitForTimeout(300);
    await check(`add by hand${at}`);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Board' }).click();
    await check(`pipeline board${at}`);
    await page.getByRole('button', { name: 'Table' }).click();
    await visit(page, 'Review results');
    await check(`review results${at}`);
    await visit(page, 'Import');
    const another = page.getByRole('button', { name: 'Import another file' });
    if (await another.isVisible()) await another.click();
    await check(`import${at}`);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose a spreadsheet' }).click();
    await (await chooser).setFiles(rosterFile);
    for (let step = 1; step <= 3; step++) {
      await expect(page.getByRole('button', { name: 'Next' })).toBeEnabled();
      await page.waitForTimeout(300);
      await check(`import step ${step}${at}`);
      await page.getByRole('button', { name: 'Next' }).click();
    }
    await page.getByRole('radio', { name: /Insert and update/ }).check();
    await expect(page.getByTestId('plan-counts')).toBeVisible();
    await check(`import plan${at}`);
    if (size.width === 768) {
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await expect(page.getByTestId('import-done')).toBeVisible();
      await check(`import done${at}`);
    }
    await visit(page, 'Import history');
    await check(`history${at}`);
    await visit(page, 'Sync');
    await check(`sync${at}`);
    await visit(page, 'Audit log');
    await expect(page.getByRole('table', { name: 'Audit log' })).toBeVisible();
    await check(`audit${at}`);
    await visit(page, 'Settings');
  }
  // A reviewer's screen follows the language chosen on this machine.
  await page.goto('/#/review');
  await page.waitForTimeout(500);
  await check('reviewer');
  expect(found).toEqual({});
});
