// An administrator creates a department head's account; the department head signs in and
// screens only their own department.
import { expect, test } from '@playwright/test';
import { ADMIN, XinhuoApp } from './pages/app.ts';

test('a department head account, created in 设置, screens its own department only', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const app = new XinhuoApp(page);
  await app.open();
  await app.setUpPlant({ demoEmployees: 2000 });
  await app.waitForPeople(2000);

  await page.getByRole('link', { name: '设置' }).click();
  const accounts = page.getByRole('region', { name: '账号管理' });
  await accounts.getByLabel('用户名').fill('zhang.q');
  await accounts.getByLabel('姓名').fill('张强');
  await accounts.getByLabel('角色').selectOption({ label: '部门负责人（仅看本部门）' });
  await accounts.getByLabel('所属部门').selectOption('质量部');
  await accounts.getByLabel('初始密码').fill('short');
  await accounts.getByLabel('再次输入密码').fill('short');
  await accounts.getByRole('button', { name: '创建账号' }).click();
  await expect(accounts.getByRole('alert')).toHaveText('密码至少 8 位。');
  await accounts.getByLabel('初始密码').fill('quality-2026');
  await accounts.getByLabel('再次输入密码').fill('quality-2026');
  await accounts.getByRole('button', { name: '创建账号' }).click();
  await expect(accounts.getByRole('status')).toHaveText('已创建账号：张强（zhang.q）。');
  await expect(accounts.getByRole('row', { name: /zhang\.q/ })).toContainText('质量部');
  // The department is chosen from the roster and can be changed later.
  await accounts.getByLabel('张强 的所属部门').selectOption('设备维修部');
  await expect(accounts.getByRole('status')).toHaveText('已将 张强 的所属部门改为 设备维修部。');
  await accounts.getByLabel('张强 的所属部门').selectOption('质量部');
  await expect(accounts.getByLabel('张强 的所属部门')).toHaveValue('质量部');

  // Someone outside 质量部, to try to open later.
  await page.getByRole('link', { name: '员工' }).click();
  await page.getByLabel('部门', { exact: true }).selectOption('生产一车间');
  const outsider = (await page.getByRole('table', { name: '员工' }).getByRole('row').nth(1).getByRole('cell').first().textContent())!.trim();

  await app.signOut();
  await app.signIn('zhang.q', 'quality-2026');
  // Their navigation has no import, history or audit log; the people list is 质量部 only.
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('link')).toHaveText(['员工', '培训师筛选', '选拔流程', '评审结果', '设置']);
  await expect(page.getByText('仅显示 质量部')).toBeVisible();
  await expect(page.getByLabel('部门')).toHaveCount(0);
  const rows = page.getByRole('table', { name: '员工' }).getByRole('row');
  await expect(rows.nth(1)).toContainText('质量部');
  const departments = await page.getByRole('table', { name: '员工' }).locator('[role="row"] [role="cell"]:nth-child(4)').allTextContents();
  expect(new Set(departments)).toEqual(new Set(['质量部']));
  await page.goto(`/#/people/${outsider}`);
  await expect(page.getByText(`找不到工号为 ${outsider} 的员工`)).toBeVisible();
  await page.goto('/#/import');
  await expect(page.getByText('您的账号没有查看此页面的权限')).toBeVisible();
  await page.getByRole('link', { name: '培训师筛选' }).click();
  await expect(page.getByText('部门负责人视图：仅显示 质量部')).toBeVisible();
  await expect(page.getByTestId('tab-candidates')).toHaveText(/候选人 \d+/);
  await page.getByTestId('tab-departments').click();
  const byDepartment = page.getByRole('table', { name: '各部门' });
  await expect(byDepartment.getByRole('row')).toHaveCount(2);
  await expect(byDepartment).toContainText('质量部');
  // Review results are read only, for their department: no packets to issue, no scores to import.
  await page.getByRole('link', { name: '评审结果' }).click();
  await expect(page.getByText('这里只显示质量部的候选人')).toBeVisible();
  await expect(page.getByRole('region', { name: '发出评审包' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '导入评分文件' })).toHaveCount(0);
  // The administrator's settings card is not offered to a department head.
  await page.getByRole('link', { name: '设置' }).click();
  await expect(page.getByRole('region', { name: '账号管理' })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a reviewer account lands on its review packets and sees nobody\'s entries or people', async ({ page }) => {
  const app = new XinhuoApp(page);
  await app.open();
  await app.setUpPlant({ demoEmployees: 200 });
  await app.waitForPeople(200);
  await page.getByRole('link', { name: '设置' }).click();
  const accounts = page.getByRole('region', { name: '账号管理' });
  await accounts.getByLabel('用户名').fill('zhou.jg');
  await accounts.getByLabel('姓名').fill('周建国');
  await accounts.getByLabel('角色').selectOption({ label: '评委' });
  await accounts.getByLabel('初始密码').fill('review-2026');
  await accounts.getByLabel('再次输入密码').fill('review-2026');
  await accounts.getByRole('button', { name: '创建账号' }).click();
  await expect(accounts.getByRole('status')).toHaveText('已创建账号：周建国（zhou.jg）。');
  await app.signOut();
  await page.goto('/#/');
  await app.signIn('zhou.jg', 'review-2026');
  // Home is the reviewer's own screen; the sidebar offers nothing else but settings.
  await expect(page.getByRole('button', { name: '打开评审包' })).toBeVisible();
  await expect(page).toHaveURL(/#\/packets$/);
  await expect(page.getByRole('navigation').getByRole('link')).toHaveText(['我的评审包', '设置']);
  for (const path of ['pipeline', 'review-results', 'screening', 'people/000001']) {
    await page.goto(`/#/${path}`);
    await expect(page.getByText('您的账号没有查看此页面的权限')).toBeVisible();
  }
  // The people list is where everyone else lands: a reviewer is taken to their packets instead.
  await page.goto('/#/people');
  await expect(page).toHaveURL(/#\/packets$/);
  // The next person to sign in on this machine starts from the first screen, not the reviewer's.
  await app.signOut();
  await app.signIn(ADMIN.userName, ADMIN.password);
  await expect(page.getByTestId('people-count')).toBeVisible();
  await expect(page).not.toHaveURL(/packets/);
});
