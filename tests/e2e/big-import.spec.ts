// A 100,000-row, 50 MB roster workbook imports end to end through the wizard: parsing,
// validation and storage run in the worker, and the preview pages through every row. How long
// the UI thread is ever blocked meanwhile is a figure of `npm run bench` (import.uiLongestTask).
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { XinhuoApp } from './pages/app.ts';

const file = join(mkdtempSync(join(tmpdir(), 'xinhuo-big-')), '集团花名册.xlsx');

test.beforeAll(() => {
  execFileSync(process.execPath, ['--import', 'tsx', 'tests/fixtures/import/big-roster.ts', file, '100000']);
});

test('a 100,000-row 50 MB workbook imports through the wizard', async ({ page }) => {
  test.setTimeout(300_000);
  const app = new XinhuoApp(page);
  await app.open();
  await app.setUpPlant();
  await expect(page.getByText('还没有员工数据。')).toBeVisible();
  await page.getByRole('link', { name: '导入数据' }).click();

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择表格文件' }).click();
  await (await chooser).setFiles(file);
  await expect(page.getByText(/^表头：/)).toBeVisible({ timeout: 120_000 });
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByTestId('import-counts')).toHaveText('共 100,000 行，可导入 100,000 行，0 行有错误');
  // Scroll the preview to its end: rows are fetched from the worker page by page.
  await page.getByTestId('vtable-body').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(page.locator('[role=row][aria-rowindex="100001"]')).toContainText('100001');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByTestId('plan-counts')).toHaveText(/新增 100,000/);
  // The file is another plant's (华北第九制造厂): the officer has to say it belongs here.
  await expect(page.getByTestId('plan-other-plant')).toContainText('这个文件的厂区是 华北第九制造厂，不是本厂区（华东第一制造厂）');
  await expect(page.getByRole('button', { name: '确认导入' })).toBeDisabled();
  await page.getByRole('checkbox', { name: /确认这些数据属于华东第一制造厂/ }).check();
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByTestId('import-done')).toHaveText(/新增 100,000 条/, { timeout: 120_000 });
  await page.getByRole('link', { name: '员工' }).click();
  await app.waitForPeople(100_000);
});
