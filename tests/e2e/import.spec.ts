// A training officer imports the HR system's exports, fixes a bad cell, and undoes a batch.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { XinhuoApp } from './pages/app.ts';

const demoDir = mkdtempSync(join(tmpdir(), 'xinhuo-e2e-demo-'));
const fixtures = join(import.meta.dirname, '../fixtures/import/generated');

test.beforeAll(() => {
  execFileSync(process.execPath, ['cli/bin/xinhuo.mjs', 'demo', '--employees', '300', '--seed', 'e2e', '--out', demoDir, '--end-quarter', '2026Q3']);
  execFileSync(process.execPath, ['--import', 'tsx', 'tests/fixtures/import/generate.ts']);
});

async function pickFile(page: Page, path: string | string[]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择表格文件' }).click();
  await (await chooser).setFiles(path);
}

async function openImport(page: Page) {
  await page.getByRole('link', { name: '导入数据' }).click();
  const another = page.getByRole('button', { name: '继续导入其他文件' });
  if (await another.isVisible()) await another.click();
}

async function importFile(page: Page, path: string, mode: RegExp = /新增并更新/) {
  await openImport(page);
  await pickFile(page, path);
  return runWizard(page, mode);
}

/** The steps after a file has been opened, accepting what the wizard proposes. */
async function runWizard(page: Page, mode: RegExp = /新增并更新/) {
  await expect(page.getByText(/^表头：/)).toBeVisible();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByTestId('import-counts')).toBeVisible();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByLabel(mode).check();
  await expect(page.getByTestId('plan-counts')).toBeVisible();
  await page.getByRole('button', { name: '确认导入' }).click();
  return page.getByTestId('import-done');
}

test('import the demo plant files, fix a cell, undo a batch, skip a duplicate file', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const app = new XinhuoApp(page);
  await app.open();
  await app.setUpPlant();
  await expect(page.getByText('还没有员工数据。')).toBeVisible();

  // The HR exports, end to end: two chosen at once go through the wizard one after another.
  await openImport(page);
  await pickFile(page, [join(demoDir, 'roster.xlsx'), join(demoDir, 'performance.xlsx')]);
  await expect(page.getByTestId('file-of')).toHaveText('第 1 个，共 2 个：roster.xlsx');
  await expect(await runWizard(page)).toHaveText(/新增 300 条/);
  await page.getByRole('button', { name: '导入下一个文件：performance.xlsx（还有 1 个）' }).click();
  await expect(page.locator('dd', { hasText: 'performance.xlsx' })).toBeVisible();
  await expect(page.getByTestId('file-of')).toHaveText('第 2 个，共 2 个：performance.xlsx');
  await expect(await runWizard(page)).toHaveText(/新增 [\d,]+ 条/);
  await expect(page.getByRole('button', { name: /导入下一个文件/ })).toHaveCount(0);
  await expect(await importFile(page, join(demoDir, 'ratings.xlsx'))).toHaveText(/新增 [\d,]+ 条/);
  await page.getByRole('link', { name: '员工' }).click();
  await app.waitForPeople(300);
  await app.tableRows().nth(1).click();
  await expect(page.getByTestId('line-chart').locator('canvas')).toBeVisible();

  // A messy file: header on row 3, an unknown status, an empty name, an impossible date.
  await openImport(page);
  await pickFile(page, join(fixtures, 'roster-title-rows.xlsx'));
  await expect(page.getByRole('spinbutton', { name: '表头所在行' })).toHaveValue('3');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByRole('combobox', { name: '数据类型' })).toHaveValue('roster');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByTestId('import-counts')).toHaveText('共 5 行，可导入 3 行，2 行有错误');
  await expect(page.getByRole('complementary')).toContainText('第7行 F列(在职状态) 无法识别的值：“借调”');

  // The error report downloads, and its leaving the app is in the audit log (checked below).
  const report = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载错误报告' }).click();
  expect((await report).suggestedFilename()).toBe('roster-title-rows-错误报告.xlsx');
  // Fix 借调 in place.
  await page.getByRole('button', { name: '借调' }).click();
  await page.getByRole('textbox', { name: '修正单元格' }).fill('在职');
  await page.getByRole('button', { name: '应用修正' }).click();
  await expect(page.getByTestId('import-counts')).toHaveText('共 5 行，可导入 4 行，1 行有错误');
  // The grid shows the fixed value, marked, with what the file had.
  const preview = page.getByRole('table', { name: '预览与修正' });
  const fixedCell = preview.locator('.cell-fixed');
  await expect(fixedCell).toHaveText(/^✎ 在职/);
  await expect(fixedCell).toHaveAttribute('title', '已修正，原值：借调');
  await expect(preview.getByRole('button', { name: '借调' })).toHaveCount(0);
  // Exclude the row that cannot be saved: it stays in view, struck through.
  await page.getByRole('checkbox', { name: '排除 8' }).check();
  await expect(page.getByTestId('import-counts')).toHaveText('共 4 行，可导入 4 行，0 行有错误');
  const row8 = preview.getByRole('row').filter({ has: page.getByRole('checkbox', { name: '排除 8' }) });
  await expect(row8.locator('.row-excluded').first()).toHaveCSS('text-decoration-line', 'line-through');
  // Ids and dates are shown whole at desktop width: no cell of the preview is cut.
  await page.setViewportSize({ width: 1440, height: 900 });
  const cut = await preview.evaluate((t) => Array.from(t.querySelectorAll<HTMLElement>('[role=cell]')).filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent));
  expect(cut).toEqual([]);
  await page.getByRole('button', { name: '下一步' }).click();
  // This file has no 直接上级工号, 离职日期, 地区 or 证书 column: updating keeps the stored values and says so.
  await expect(page.getByTestId('plan-absent')).toContainText(/^本文件没有 .*直接上级工号.*地区.* 列：保留原值$/);
  // 000123 is already in the roster: insert-only refuses it.
  await page.getByLabel(/只新增/).check();
  await expect(page.getByTestId('plan-counts')).toHaveText(/新增 3，更新 0，不变 0，拒绝 1/);
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByTestId('import-done')).toHaveText(/新增 3 条/);
  await page.getByRole('link', { name: '员工' }).click();
  await app.waitForPeople(303);
  await app.search().fill('000790');
  await expect(app.tableRows().nth(1)).toContainText('在职');

  // Undo that batch: the people list returns to what it was.
  await page.getByRole('link', { name: '导入历史' }).click();
  await page.getByRole('button', { name: '撤销 roster-title-rows.xlsx' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '撤销' }).click();
  await expect(page.getByRole('status')).toHaveText('已撤销。');
  await page.getByRole('link', { name: '员工' }).click();
  // The search for 000790 is still there, and finds nobody now that the batch is undone.
  await expect(app.search()).toHaveValue('000790');
  await expect(app.peopleCount()).toHaveText('筛选出 0 人（共 300 人）');
  await app.search().fill('');
  await app.waitForPeople(300);

  // The same file again is recognised and can be skipped.
  await openImport(page);
  await pickFile(page, join(demoDir, 'roster.xlsx'));
  await expect(page.getByText(/这个文件已于 .* 由 admin 导入/)).toBeVisible();
  await page.getByRole('button', { name: '不导入' }).click();
  await expect(page.getByRole('button', { name: '选择表格文件' })).toBeVisible();

  // An encrypted workbook gets a clear message naming it.
  await pickFile(page, join(fixtures, 'encrypted.xlsx'));
  await expect(page.getByRole('alert')).toHaveText('文件 encrypted.xlsx 设置了打开密码，请在 Excel 中取消密码后另存再导入');

  // The audit log records the imports and the undo.
  await page.getByRole('link', { name: '操作日志' }).click();
  await expect(page.getByRole('table', { name: '操作日志' })).toContainText('撤销导入');
  await expect(page.getByRole('table', { name: '操作日志' })).toContainText('下载错误报告');
  expect(errors).toEqual([]);
});
