// An administrator creates a department head's account; the department head signs in and
// screens only their own department.
import { expect, test } from '@playwright/test';
import { XinhuoApp } from './pages/app.ts';

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
  await accounts.getByLabel('所属部门').fill('质量部');
  await accounts.getByLabel('初始密码').fill('short');
  await accounts.getByLabel('再次输入密码').fill('short');
  await accounts.getByRole('button', { name: '创建账号' }).click();
  await expect(accounts.getByRole('alert')).toHaveText('密码至少 8 位。');
  await accounts.getByLabel('初始密码').fill('quality-2026');
  await accounts.getByLabel('再次输入密码').fill('quality-2026');
  await accounts.getByRole('button', { name: '创建账号' }).click();
  await expect(accounts.getByRole('status')).toHaveText('已创建账号：张强（zhang.q）。');
  await expect(accounts.getByRole('row', { name: /zhang\.q/ })).toContainText('质量部');

  await app.signOut();
  await app.signIn('zhang.q', 'quality-2026');
  await page.getByRole('link', { name: '培训师筛选' }).click();
  await expect(page.getByText('部门负责人视图：仅显示 质量部')).toBeVisible();
  await expect(page.getByTestId('tab-candidates')).toHaveText(/候选人 \d+/);
  await page.getByTestId('tab-departments').click();
  const departments = page.getByRole('table', { name: '各部门' });
  await expect(departments.getByRole('row')).toHaveCount(2);
  await expect(departments).toContainText('质量部');
  // The administrator's settings card is not offered to a department head.
  await page.getByRole('link', { name: '设置' }).click();
  await expect(page.getByRole('region', { name: '账号管理' })).toHaveCount(0);
  expect(errors).toEqual([]);
});
