// Screening the demo plant with the seed profile: candidates, near-misses, a live threshold
// change, the explanation of one person, and the Excel export read back.
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { expect, test } from '@playwright/test';
import { XinhuoApp } from './pages/app.ts';

test('seed profile on the demo plant: candidates, near-misses, live threshold, export', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const app = new XinhuoApp(page);
  await app.open();
  await app.setUpPlant({ demoEmployees: 5000 });
  await app.waitForPeople(5000);
  await page.getByRole('link', { name: '培训师筛选' }).click();
  await expect(page.getByTestId('population')).toHaveText(/在职 4,\d{3} 人/);
  // The as-of date reads as a Chinese officer writes it (年/月/日), not as the browser's mm/dd/yyyy.
  const asOf = page.getByLabel('截止日期');
  await expect(asOf).toHaveValue(/^\d{4}\/\d{2}\/\d{2}$/);
  await expect(asOf).toHaveAttribute('placeholder', '年/月/日');

  const count = async (tab: 'candidates' | 'nearMisses') => Number((await page.getByTestId(`tab-${tab}`).textContent())!.replace(/\D/g, ''));
  await expect(page.getByTestId('tab-candidates')).toHaveText(/候选人 \d+/);
  const candidates = await count('candidates');
  const nearMisses = await count('nearMisses');
  expect(candidates).toBeGreaterThan(5);
  expect(nearMisses).toBeGreaterThan(candidates);
  await expect(page.getByRole('table', { name: /候选人/ }).getByRole('row').nth(1)).toContainText('✓');

  // Near-misses say what they lack.
  await page.getByTestId('tab-nearMisses').click();
  const nearTable = page.getByRole('table', { name: /差一项/ });
  await expect(nearTable).toContainText('仅差：');
  // An evaluation brings the first page of the list on screen; the rest arrive page by page as the list scrolls.
  expect(nearMisses).toBeGreaterThan(100);
  await nearTable.getByTestId('vtable-body').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(nearTable.locator(`[aria-rowindex="${nearMisses + 1}"]`)).toContainText('仅差：');

  // Loosen coaching to 4.0: the candidate list grows, live.
  await page.getByRole('spinbutton', { name: /门槛（带教能力/ }).fill('4');
  await expect.poll(() => count('candidates')).toBeGreaterThan(candidates);
  await page.getByRole('spinbutton', { name: /门槛（带教能力/ }).fill('4.5');
  await expect.poll(() => count('candidates')).toBe(candidates);

  // Each criterion's distribution, with its threshold marked; counts per department.
  await page.getByTestId('tab-distribution').click();
  await expect(page.getByRole('img', { name: /带教能力.*（门槛 4\.5）/ })).toBeVisible();
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/screening-distribution.png`, fullPage: true });
  await page.getByTestId('tab-departments').click();
  await expect(page.getByRole('table', { name: '各部门' })).toContainText('质量部');

  // Why is the first candidate a candidate?
  await page.getByTestId('tab-candidates').click();
  await page.getByRole('button', { name: /查看依据/ }).first().click();
  await expect(page.getByRole('dialog')).toContainText('计入');
  // Each record reads as the badge reads it: an improvement rate in percent, a rating to two decimals, with its rater.
  await expect(page.getByRole('dialog')).toContainText(/下属业绩提升率 -?\d+(\.\d)?%/);
  await expect(page.getByRole('dialog')).not.toContainText(/下属业绩提升率 -?0\.\d/);
  await expect(page.getByRole('dialog')).toContainText(/带教能力（评价人：\S+） \d\.\d\d/);

  // Export and read the workbook back.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const path = await (await download).path();
  const wb = XLSX.read(readFileSync(path!), { dense: true });
  expect(wb.SheetNames).toEqual(['候选人', '差一项', '排除', '画像说明']);
  expect(wb.Sheets['候选人']['!data']!.length - 1).toBe(candidates);
  expect(wb.Sheets['差一项']['!data']!.length - 1).toBe(nearMisses);
  expect(XLSX.utils.sheet_to_csv(wb.Sheets['画像说明'])).toContain('近2年带教能力评分（平均）≥4.5');
  expect(wb.Sheets['候选人']['!data']![1][0].t).toBe('s');

  // Save the run: it records the profile version and shows in the list.
  await page.getByRole('button', { name: '保存本次筛选' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已保存筛选结果' })).toHaveText(`已保存筛选结果：候选人 ${candidates} 人。`);
  const runs = page.getByRole('region', { name: '已保存的筛选' });
  await expect(runs).toContainText(`候选人 ${candidates}`);

  // Hand the run to the selection pipeline, with one hidden expert from the near-misses.
  await runs.getByRole('button', { name: '加入选拔流程' }).click();
  const dialog = page.getByRole('dialog', { name: '将本次筛选加入选拔流程' });
  await dialog.getByRole('checkbox').first().check();
  await dialog.getByRole('button', { name: `加入（${candidates + 1} 人）` }).click();
  await expect(page.getByRole('status').filter({ hasText: '已加入选拔流程' })).toHaveText(`已加入选拔流程：新增 ${candidates + 1} 人`);
  await expect(runs.getByRole('link', { name: /已加入选拔流程/ })).toBeVisible();

  await page.getByRole('link', { name: '选拔流程', exact: true }).click();
  await expect(page.getByRole('tab', { name: `数据初选 ${candidates + 1}` })).toBeVisible();
  const pipeline = page.getByRole('table', { name: '选拔流程' });
  await expect(pipeline).toContainText(/差一项 · 内训师画像（示例） 第\d+版 · 截至2026-09-30/);
  await pipeline.getByRole('button', { name: /^邀请 / }).first().click();
  await expect(page.getByRole('tab', { name: '已邀请 1' })).toBeVisible();
  await pipeline.getByRole('button', { name: /^退出 / }).first().click();
  await page.getByRole('dialog').getByLabel('退出原因（可选）').fill('本人放弃');
  await page.getByRole('dialog').getByRole('button', { name: '退出' }).click();
  await expect(page.getByRole('tab', { name: '退出 1' })).toBeVisible();

  // Back in 培训师筛选, the saved profile the run used is the one shown again, not the built-in one.
  await page.getByRole('link', { name: '培训师筛选' }).click();
  await expect(page.getByLabel('选择画像')).toHaveValue('seed');
  await expect(page.getByLabel('选择画像').locator('option:checked')).toHaveText(/（v\d+）$/);
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/pipeline.png` });
  expect(errors).toEqual([]);
});
