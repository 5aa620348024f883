// Head office on a replacement machine: it restores the org keys from the key backup, merges
// a folder of bundles from three plants, and works across the group — the 厂区 filter of the
// people list and the plant scope of screening — in Chinese and in English, at 1440×900 and
// 768×1024.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { demoSeries, seriesPlant } from '../../shared/bundle/demo-series.ts';
import { exportKeyBackup } from '../../shared/bundle/keys.ts';
import { DATASETS } from '../../shared/domain/facts/datasets.ts';
import { SEED_PROFILE } from '../../shared/domain/screening/profile.ts';
import { DEFAULT_RUBRIC } from '../../shared/domain/review/rubric.ts';
import { ADMIN } from './pages/app.ts';
import { chineseOutsideData, dataLexicon } from './pages/english.ts';

const PASSWORD = '总部密钥备份口令-2026';

async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // Inside a container that scrolls sideways (a wide table), an element may lie beyond the edge.
    const inScroller = (el: Element) => {
      for (let p = el.parentElement; p; p = p.parentElement) if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX) && p.scrollWidth > p.clientWidth && p !== document.scrollingElement && !p.classList.contains('content')) return true;
      return false;
    };
    return [...document.querySelectorAll('button, input, select, h2, h3')].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && (r.right > width + 1 || r.left < -1) && !inScroller(el);
    }).map((el) => `${el.tagName} ${(el.textContent ?? '').trim().slice(0, 20)}`);
  });
}

test('head office restores its keys, merges three plants\' bundles and screens the group or one plant', async ({ page }) => {
  const dir = await mkdtemp(join(tmpdir(), 'xinhuo-hq-'));
  const series = await demoSeries({ plants: 3, employees: 60, seed: 'e2e' });
  await mkdir(join(dir, 'bundles'));
  const paths: string[] = [];
  for (const b of series.bundles) {
    const path = join(dir, 'bundles', b.name);
    await writeFile(path, b.bytes);
    paths.push(path);
  }
  const backupPath = join(dir, '组织密钥备份.json');
  await writeFile(backupPath, JSON.stringify(await exportKeyBackup(series.org, PASSWORD)));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto('/');
  await page.getByLabel('单位名称').fill('华东能源集团');
  await page.getByLabel('总部', { exact: true }).check();
  await page.getByLabel('用户名').fill(ADMIN.userName);
  await page.getByLabel('姓名').fill('赵总部');
  await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('确认密码').fill(ADMIN.password);
  await page.getByRole('button', { name: '完成设置' }).click();
  await page.getByRole('link', { name: '各厂区' }).click();

  const org = page.getByRole('region', { name: '组织', exact: true });
  await org.getByLabel('备份口令').fill('short');
  await org.getByRole('button', { name: '从密钥备份恢复' }).click();
  await expect(org.getByRole('alert')).toHaveText('口令至少 12 个字符');
  await org.getByLabel('备份口令').fill(PASSWORD);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), org.getByRole('button', { name: '从密钥备份恢复' }).click()]);
  await chooser.setFiles(backupPath);
  await expect(org.getByRole('status')).toHaveText('已恢复组织密钥：华东能源集团', { timeout: 30_000 });
  await expect(org.getByText(series.org.org.fingerprint)).toBeVisible();

  const receive = page.getByRole('region', { name: '接收文件' });
  const [files] = await Promise.all([page.waitForEvent('filechooser'), receive.getByRole('button', { name: '导入同步包' }).click()]);
  await files.setFiles([...paths].reverse());
  await expect(receive.getByRole('status')).toContainText('已应用 12 个，重复 0 个，暂缓 0 个，拒绝 0 个', { timeout: 60_000 });
  const plants = page.getByRole('table', { name: '各厂区数据' });
  await expect(plants.getByRole('row')).toHaveCount(4);
  await expect(plants.getByRole('row', { name: /洛阳一厂（P01）/ })).toContainText('今天');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: 'test-results/screens/hq-plants-zh-1440.png' });
  await page.setViewportSize({ width: 768, height: 1024 });
  expect(await overflowing(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/hq-plants-zh-768.png' });
  await page.setViewportSize({ width: 1440, height: 900 });

  // A rubric template for every plant: the built-in one on a 1–5 scale, under the group's name.
  const templates = page.getByRole('region', { name: '下发给各厂区的评审量表模板' });
  await templates.getByLabel('评分档位').selectOption({ label: '每项 1–5 分' });
  await templates.getByLabel('名称', { exact: true }).fill('集团试讲评审');
  await templates.getByRole('button', { name: '保存为模板' }).click();
  await expect(templates.getByRole('status')).toHaveText('已保存模板：集团试讲评审 第1版');
  await expect(templates.getByTestId('rubric-templates')).toContainText('集团试讲评审：选题相关性 40%、表达能力 30%、案例真实性 30% · 每项 1–5 分');

  // Every plant's people, with the 厂区 filter.
  await page.getByRole('link', { name: '员工' }).click();
  await expect(page.getByTestId('people-count')).toHaveText('共 180 人', { timeout: 60_000 });
  await expect(page.getByLabel('厂区', { exact: true }).locator('option')).toHaveText(['全部', '洛阳一厂', '武汉一厂', '郑州一厂']);
  await page.getByLabel('厂区', { exact: true }).selectOption('洛阳一厂');
  await expect(page.getByTestId('people-count')).toHaveText('筛选出 60 人（共 180 人）');
  await expect(page.getByRole('table', { name: '员工' }).getByRole('row').nth(1)).toContainText('P01·');

  // Screening over the group, then one plant.
  await page.getByRole('link', { name: '培训师筛选' }).click();
  const scope = page.getByLabel('厂区范围');
  await expect(scope.locator('option').first()).toHaveText('全集团（3 个厂区）');
  const group = await page.getByTestId('tab-candidates').textContent();
  await scope.selectOption('郑州一厂');
  await expect(page.getByTestId('tab-candidates')).not.toHaveText(group!);
  await page.screenshot({ path: 'test-results/screens/hq-screening-zh-1440.png' });

  // In English.
  await page.getByRole('link', { name: '设置' }).click();
  await page.getByLabel('English').check();
  await page.getByRole('link', { name: 'Plants' }).click();
  await expect(page.getByRole('table', { name: 'Plants\' data' }).getByRole('row')).toHaveCount(4);
  await expect(page.getByRole('region', { name: 'Receive files' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/hq-plants-en-1440.png' });
  // No Chinese outside data on any of head office's screens.
  // The series' plants, the files they imported, and the profile a plant revised.
  const demos = [0, 1, 2].map((i) => seriesPlant(i, { employees: 60, seed: 'e2e' }).demo);
  const imported = demos.flatMap((d) => [...Object.keys(d.datasets).map((k) => DATASETS[k as keyof typeof DATASETS].zh), '补充评价'].map((what) => `${d.plant.name}-${what}.xlsx`));
  // The template saved in Chinese keeps the built-in criteria's Chinese names as its own.
  const template = ['集团试讲评审', ...DEFAULT_RUBRIC.criteria.flatMap((c) => [c.name, c.description])];
  const lexicon = dataLexicon(demos, ['华东能源集团', '赵总部', '组织密钥备份.json', `${SEED_PROFILE.name}（修订）`, ...template, ...imported, ...series.bundles.map((b) => b.name)]);
  const chinese: Record<string, string[]> = {};
  for (const link of ['Plants', 'People', 'Screening', 'Selection', 'Import history', 'Audit log', 'Settings']) {
    await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await page.waitForTimeout(400);
    const hits = await chineseOutsideData(page, lexicon);
    if (hits.length) chinese[link] = hits;
  }
  expect(chinese).toEqual({});
  await page.getByRole('navigation').getByRole('link', { name: 'Plants', exact: true }).click();
  await page.setViewportSize({ width: 768, height: 1024 });
  expect(await overflowing(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/hq-plants-en-768.png' });
  expect(errors).toEqual([]);
});
