// A training officer's first day: set up the plant, load the demo plant, find people,
// read an employee's record, try English, sign out and back in.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { pinyin } from 'pinyin-pro';
import { ADMIN, XinhuoApp } from './pages/app.ts';

test('first run as a plant with the demo plant, people search, employee page, language, sign-in', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const app = new XinhuoApp(page);
  await app.open();
  await app.setUpPlant({ demoEmployees: 5000 });
  await app.waitForPeople(5000);

  // Find 张… by name, then the same person by 工号.
  await app.search().fill('张');
  await expect(app.peopleCount()).toContainText('筛选出');
  const firstRow = app.tableRows().nth(1);
  const id = (await firstRow.getByRole('cell').nth(0).textContent())!.trim();
  const name = (await firstRow.getByRole('cell').nth(1).textContent())!.trim();
  expect(name.startsWith('张')).toBe(true);
  expect(id).toMatch(/^\d{6}$/);
  await app.search().fill(id);
  await expect(app.peopleCount()).toHaveText('筛选出 1 人（共 5,000 人）');
  await expect(app.tableRows().nth(1)).toContainText(name);

  // Pinyin initials find them too.
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', surname: 'head', separator: '' }).toLowerCase();
  await app.search().fill(initials);
  await expect(app.peopleCount()).toContainText('筛选出');
  await expect(page.getByRole('table', { name: '员工' })).toContainText(name);
  await app.search().fill('');
  await expect(app.peopleCount()).toHaveText('共 5,000 人');

  // Filter by department.
  await page.getByLabel('部门').selectOption('设备维修部');
  await expect(app.peopleCount()).toContainText('筛选出');
  await expect(app.tableRows().nth(1)).toContainText('设备维修部');
  // Export the filtered list as CSV: those people, with the roster's Chinese headers.
  const filteredCount = Number((await app.peopleCount().textContent())!.match(/筛选出 ([\d,]+)/)![1].replace(/,/g, ''));
  const download = page.waitForEvent('download');
  await page.getByRole('combobox', { name: '导出名单' }).selectOption('csv');
  const csv = readFileSync((await (await download).path())!, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(csv[0]).toMatch(/^工号,姓名,/);
  expect(csv).toHaveLength(filteredCount + 1);
  expect(csv.slice(1).every((line) => line.includes('设备维修部'))).toBe(true);
  await page.getByLabel('部门').selectOption('');

  // The employee page with the performance chart.
  await app.search().fill(id);
  await app.tableRows().nth(1).click();
  await expect(page.getByRole('heading', { name: new RegExp(name) })).toBeVisible();
  await expect(page.getByRole('heading', { name: '绩效趋势' })).toBeVisible();
  await expect(page.getByTestId('line-chart').locator('canvas')).toBeVisible();
  await expect(page.getByRole('heading', { name: '能力评价' })).toBeVisible();
  await expect(page.getByText('数据来源')).toBeVisible();
  // Coming back, the list still has the search the officer typed.
  await page.getByRole('link', { name: '员工', exact: true }).click();
  await expect(app.search()).toHaveValue(id);
  await expect(app.tableRows()).toHaveCount(2);

  // Switch to English and back; the choice is remembered across a reload.
  await page.getByRole('link', { name: '设置' }).click();
  await page.getByLabel('English').check();
  await expect(page.getByRole('link', { name: 'People' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: '薪火 Xinhuo' })).toBeVisible();
  await app.signIn(ADMIN.userName, ADMIN.password, 'en');
  await expect(page.getByRole('link', { name: 'People' })).toBeVisible();
  // The audit log is shown in the reader's language: the entries are codes, not prose.
  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('table', { name: 'Audit log' })).toContainText(/Demo plant: [\d,]+ employees, as of \d{4}-\d{2}-\d{2}/);
  await expect(page.getByRole('table', { name: 'Audit log' })).toContainText('Language changed');
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('简体中文').check();
  await expect(page.getByRole('link', { name: '员工' })).toBeVisible();

  // The audit log shows who did what.
  await page.getByRole('link', { name: '操作日志' }).click();
  await expect(page.getByRole('table', { name: '操作日志' })).toContainText(/载入示例工厂：[\d,]+ 名员工，截至 \d{4}-\d{2}-\d{2}/);
  await expect(page.getByRole('table', { name: '操作日志' })).toContainText('切换语言');
  await page.getByLabel('操作', { exact: true }).selectOption('auth.signIn');
  await expect(page.getByRole('table', { name: '操作日志' }).getByRole('row')).toHaveCount(2); // header + one sign-in

  // Sign out; a wrong password is refused with a clear message; the right one works.
  await app.signOut();
  await app.signIn(ADMIN.userName, 'not-the-password');
  await expect(page.getByRole('alert')).toHaveText('用户名或密码错误，请重新输入。');
  // Straight after a failure the account must wait a moment, and says so.
  await app.signIn(ADMIN.userName, ADMIN.password);
  await expect(page.getByRole('alert')).toHaveText(/^密码输错，请 \d+ 秒后再试$/);
  await page.waitForTimeout(1500);
  await app.signIn(ADMIN.userName, ADMIN.password);
  await expect(page.getByRole('link', { name: '员工' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('first run as head office without demo data offers the demo plant later', async ({ page }) => {
  const app = new XinhuoApp(page);
  await app.open();
  await page.getByLabel('单位名称').fill('华东能源集团');
  await page.getByLabel('总部').check();
  await expect(page.getByLabel('厂区代码')).toHaveCount(0);
  await page.getByLabel('用户名').fill('hq');
  await page.getByLabel('姓名').fill('李分析');
  await page.getByLabel('密码', { exact: true }).fill('short');
  await page.getByLabel('确认密码').fill('short');
  await page.getByRole('button', { name: '完成设置' }).click();
  await expect(page.getByRole('alert')).toHaveText('密码至少 8 位');
  await page.getByLabel('密码', { exact: true }).fill('long-enough-1');
  await page.getByLabel('确认密码').fill('long-enough-2');
  await page.getByRole('button', { name: '完成设置' }).click();
  await expect(page.getByRole('alert')).toHaveText('两次输入的密码不一致');
  await page.getByLabel('确认密码').fill('long-enough-1');
  await page.getByRole('button', { name: '完成设置' }).click();
  await expect(page.getByText('还没有员工数据。')).toBeVisible();
  await page.getByLabel('员工人数').fill('300');
  await page.getByRole('button', { name: '载入示例工厂' }).click();
  await app.waitForPeople(300);
});
