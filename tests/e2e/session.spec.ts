// A shared plant PC: signing out in one window signs the account out of the others, and a
// session left without input signs out after the administrator's idle timeout.
import { expect, test } from '@playwright/test';
import { ADMIN, XinhuoApp } from './pages/app.ts';

test('sign-out reaches every window, and an idle session ends after the timeout set in 设置', async ({ context }) => {
  const first = await context.newPage();
  await first.clock.install();
  const app = new XinhuoApp(first);
  await app.open();
  await app.setUpPlant();
  await expect(first.getByRole('link', { name: '设置' })).toBeVisible();

  // The same account in a second window; signing out in the first signs it out here too.
  const second = await context.newPage();
  const other = new XinhuoApp(second);
  await other.open();
  await other.signIn(ADMIN.userName, ADMIN.password);
  await expect(second.getByRole('link', { name: '设置' })).toBeVisible();
  await app.signOut();
  await expect(second.getByRole('status')).toHaveText('已在另一个窗口退出登录。');
  await expect(second.getByRole('button', { name: '登录' })).toBeVisible();
  await second.close();

  // The administrator shortens the idle timeout; a session without input then ends by itself.
  await app.signIn(ADMIN.userName, ADMIN.password);
  await first.getByRole('link', { name: '设置' }).click();
  const card = first.getByRole('region', { name: '登录安全' });
  await expect(card.getByLabel('无操作自动退出（分钟）')).toHaveValue('30');
  await card.getByLabel('无操作自动退出（分钟）').fill('5');
  await card.getByRole('button', { name: '保存' }).click();
  await expect(card.getByRole('status')).toHaveText('已设置：5 分钟无操作后自动退出登录');
  await first.clock.fastForward('04:00');
  await expect(first.getByRole('link', { name: '设置' })).toBeVisible();
  await first.clock.fastForward('01:30');
  await expect(first.getByRole('status')).toHaveText('长时间无操作，已自动退出登录。');
  await expect(first.getByRole('button', { name: '登录' })).toBeVisible();

  // Both endings are in the audit trail.
  await app.signIn(ADMIN.userName, ADMIN.password);
  await first.getByRole('link', { name: '操作日志' }).click();
  await expect(first.getByRole('cell', { name: '无操作自动退出', exact: true })).toBeVisible();
  await expect(first.getByRole('cell', { name: '5 分钟无操作后退出登录' })).toBeVisible();
});
