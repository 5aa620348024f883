// Personal data encrypted at rest: after a plant is set up with its employees, no file of the
// browser profile holds an employee's name or 工号 — in UTF-8, UTF-16 or Latin-1 — and the app
// still shows them after signing in again.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config.ts';
import { ADMIN, XinhuoApp } from './pages/app.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return [];
    return stat.isDirectory() ? filesUnder(path) : [path];
  });
}

/** The profile files holding `text` in any encoding a browser might write it in. */
function filesContaining(dir: string, text: string): string[] {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le'), ...(/^[\x00-\xff]*$/.test(text) ? [Buffer.from(text, 'latin1')] : [])];
  return filesUnder(dir).filter((file) => {
    const bytes = readFileSync(file);
    return needles.some((n) => bytes.includes(n));
  });
}

const NEWCOMER = { employeeId: 'QX7730419', name: '欧阳明轩' };

test('no file of the browser profile holds an employee name or 工号 after import', async ({ baseURL }) => {
  const profile = mkdtempSync(join(tmpdir(), 'xinhuo-profile-'));
  const roster = join(mkdtempSync(join(tmpdir(), 'xinhuo-roster-')), '新员工.csv');
  writeFileSync(roster, `工号,姓名,部门,岗位,入职日期\n${NEWCOMER.employeeId},${NEWCOMER.name},质量部,检验员,2024-03-01\n`);
  const launch = () => chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, baseURL, locale: 'zh-CN', viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
  let context = await launch();
  try {
    let page = context.pages()[0] ?? (await context.newPage());
    let app = new XinhuoApp(page);
    await app.open();
    await app.setUpPlant({ demoEmployees: 60 });
    await app.waitForPeople(60);
    // Someone from the demo list, as the officer sees them…
    const name = (await app.tableRows().nth(1).getByRole('cell').nth(1).innerText()).trim();
    expect(name.length).toBeGreaterThan(1);
    // …and a newcomer imported from HR's file, with a 工号 nothing else in a profile could hold.
    await page.getByRole('link', { name: '导入数据' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择表格文件' }).click();
    await (await chooser).setFiles(roster);
    await expect(page.getByText(/^表头：/)).toBeVisible();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel(/新增并更新/).check();
    await page.getByRole('button', { name: '确认导入' }).click();
    await expect(page.getByTestId('import-done')).toBeVisible();
    await page.getByRole('link', { name: '员工' }).first().click();
    await app.waitForPeople(61);
    await app.signOut();
    await context.close();

    // The profile at rest: IndexedDB, its write-ahead log, blobs, caches — every file.
    expect(filesUnder(profile).length).toBeGreaterThan(10);
    expect(filesContaining(profile, name)).toEqual([]);
    expect(filesContaining(profile, NEWCOMER.name)).toEqual([]);
    expect(filesContaining(profile, NEWCOMER.employeeId)).toEqual([]);
    // The administrator's account name is not personal data of employees and stays readable:
    // the search itself can find what is there.
    expect(filesContaining(profile, ADMIN.displayName).length).toBeGreaterThan(0);

    // Signed in again, the same person is there.
    context = await launch();
    page = context.pages()[0] ?? (await context.newPage());
    app = new XinhuoApp(page);
    await app.open();
    await app.signIn(ADMIN.userName, ADMIN.password);
    await app.waitForPeople(61);
    await app.search().fill(NEWCOMER.employeeId);
    await expect(app.tableRows().nth(1)).toContainText(NEWCOMER.name);
  } finally {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
});
