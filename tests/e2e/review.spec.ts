// A reviewer scores a packet on a tablet-sized screen with no account, reloads mid-way and
// finds every score kept, and exports the score file; the officer, in another context,
// tallies the packets and the returned score files.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { demoReview } from '../../shared/bundle/review-demo.ts';
import { XinhuoApp } from './pages/app.ts';

test('a reviewer scores offline on 768×1024 and exports; the officer tallies the round', async ({ browser }) => {
  const dir = await mkdtemp(join(tmpdir(), 'xinhuo-review-e2e-'));
  const demo = await demoReview({ candidates: 3, reviewers: 3, seed: 'e2e' });
  const paths = { packets: [] as string[], scores: [] as string[] };
  for (const p of demo.packets) {
    paths.packets.push(join(dir, `packet-${p.name}`));
    await writeFile(paths.packets.at(-1)!, p.bytes);
  }
  // The first reviewer's score file comes from the browser below; the other two from the demo.
  for (const s of demo.scores.slice(1)) {
    paths.scores.push(join(dir, `score-${s.name}`));
    await writeFile(paths.scores.at(-1)!, s.bytes);
  }

  const reviewer = await browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true });
  const page = await reviewer.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  // Once loaded, the app works with the network off: the service worker has precached it.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.getByRole('link', { name: '我是评审专家：打开评审包' }).click();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '打开评审包' }).click()]);
  await chooser.setFiles(paths.packets[0]);
  await expect(page.getByTestId('review-progress')).toHaveText('已评 0 / 3 人');
  const cards = page.locator('.review-candidate');
  await expect(cards).toHaveCount(3);
  await reviewer.setOffline(true);
  // Score the first candidate fully, the second partly; then reload.
  const first = cards.nth(0);
  for (const [criterion, score] of [['选题相关性', 8], ['表达能力', 6], ['案例真实性', 9]] as const) await first.getByRole('radio', { name: `${criterion}：${score} 分` }).tap();
  await expect(first.getByText('加权得分 7.70')).toBeVisible();
  await cards.nth(1).getByRole('radio', { name: '选题相关性：5 分' }).tap();
  await first.getByLabel('评语（可选）').fill('案例来自本岗位，讲解清楚');
  await expect(page.getByTestId('review-progress')).toHaveText('已评 1 / 3 人');
  await page.screenshot({ path: 'test-results/screens/reviewer-zh-768.png' });
  // Reloaded with the network still off.
  await page.reload();
  await page.getByRole('button', { name: /2026年度内训师选拔/ }).click();
  await expect(page.getByTestId('review-progress')).toHaveText('已评 1 / 3 人');
  await expect(cards.nth(0).getByRole('radio', { name: '表达能力：6 分' })).toHaveAttribute('aria-checked', 'true');
  await expect(cards.nth(0).getByLabel('评语（可选）')).toHaveValue('案例来自本岗位，讲解清楚');
  await expect(cards.nth(1).getByRole('radio', { name: '选题相关性：5 分' })).toHaveAttribute('aria-checked', 'true');
  for (const c of [1, 2]) for (const criterion of ['选题相关性', '表达能力', '案例真实性']) await cards.nth(c).getByRole('radio', { name: `${criterion}：7 分` }).tap();
  await expect(page.getByTestId('review-progress')).toHaveText('已评 3 / 3 人');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出评分文件' }).click()]);
  await reviewer.setOffline(false);
  const ownScore = join(dir, download.suggestedFilename());
  await download.saveAs(ownScore);
  await expect(page.getByRole('status')).toContainText('已导出评分文件');
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);

  // The officer tallies the round from the packets and the three score files.
  const officer = await browser.newContext();
  const o = await officer.newPage();
  const app = new XinhuoApp(o);
  await app.open();
  await app.setUpPlant();
  await o.getByRole('link', { name: '评审结果' }).click();
  const [pk] = await Promise.all([o.waitForEvent('filechooser'), o.getByRole('button', { name: '选择评审包' }).click()]);
  await pk.setFiles(paths.packets);
  const [sc] = await Promise.all([o.waitForEvent('filechooser'), o.getByRole('button', { name: '导入评分文件' }).click()]);
  await sc.setFiles([ownScore, ...paths.scores]);
  const table = o.getByRole('table', { name: '评审结果' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('columnheader')).toContainText(['候选人', '部门', '周建国', '吴秀英', '郑志强', '平均分', '去最高最低', '极差', '提示']);
  await expect(table.getByRole('cell', { name: '7.70' })).toBeVisible();
  await o.screenshot({ path: 'test-results/screens/review-results-zh-1440.png' });
  // The same score file again changes nothing.
  const [again] = await Promise.all([o.waitForEvent('filechooser'), o.getByRole('button', { name: '导入评分文件' }).click()]);
  await again.setFiles(ownScore);
  await expect(table.getByRole('row')).toHaveCount(4);
  expect(errors).toEqual([]);
  await reviewer.close();
  await officer.close();
});
