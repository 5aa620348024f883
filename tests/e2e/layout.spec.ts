// Screens that fit: at a desktop width and on a tablet held either way, nothing runs off the
// window, the menu opens by touch, and the key columns (工号, 姓名) show their whole content.
import { expect, test, type Page } from '@playwright/test';
import { XinhuoApp } from './pages/app.ts';

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
];

/** Elements wider than the window, or sticking out past its right edge (scroll boxes' content excepted). */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width + 1) out.push(`page ${document.documentElement.scrollWidth} > ${width}`);
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('button, a, input, select, h2, .card'))) {
      if (el.closest('.vtable-body') || !el.offsetParent) continue;
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 1) out.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 20)}" ends at ${Math.round(r.right)} > ${width}`);
    }
    return out;
  });
}

/** Cells of a table's first `columns` columns (or of the columns at these indexes) whose content does not fit. */
async function cutKeyCells(page: Page, table: string | RegExp, columns: number | number[]): Promise<string[]> {
  const indexes = typeof columns === 'number' ? [...Array(columns).keys()] : columns;
  return page.getByRole('table', { name: table }).evaluate((t, wanted) => {
    const out: string[] = [];
    for (const row of Array.from(t.querySelectorAll('[role=row]')).slice(1, 15)) {
      Array.from(row.querySelectorAll<HTMLElement>('[role=cell]')).forEach((cell, i) => {
        if (wanted.includes(i) && cell.scrollWidth > cell.clientWidth + 1) out.push(`${cell.textContent} (${cell.scrollWidth} > ${cell.clientWidth})`);
      });
    }
    return out;
  }, indexes);
}

/** Column headers that do not sit over their column: each header's edges against the first row's cell. */
async function misalignedHeaders(page: Page, table: string | RegExp): Promise<string[]> {
  return page.getByRole('table', { name: table }).evaluate((t) => {
    const heads = Array.from(t.querySelectorAll<HTMLElement>('[role=columnheader]'));
    const cells = Array.from(t.querySelectorAll('[role=row]')[1]?.querySelectorAll<HTMLElement>('[role=cell]') ?? []);
    return heads.flatMap((h, i) => {
      const a = h.getBoundingClientRect();
      const b = cells[i]?.getBoundingClientRect();
      return b && (Math.abs(a.left - b.left) > 1 || Math.abs(a.width - b.width) > 1) ? [`${h.textContent}: ${Math.round(a.left)}+${Math.round(a.width)} over ${Math.round(b.left)}+${Math.round(b.width)}`] : [];
    });
  });
}

async function go(page: Page, link: string) {
  const menu = page.getByRole('button', { name: /菜单/ });
  if (await menu.isVisible()) await menu.tap().catch(() => menu.click());
  await page.getByRole('link', { name: link }).click();
}

test.use({ hasTouch: true });

test('people and screening fit at 1440×900, 1024×768 and 768×1024, with 工号 and 姓名 whole', async ({ page }) => {
  const app = new XinhuoApp(page);
  await app.open();
  await app.setUpPlant({ demoEmployees: 2000 });
  await app.waitForPeople(2000);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await go(page, '员工');
    await app.waitForPeople(2000);
    expect(await overflowing(page), `people at ${size.width}`).toEqual([]);
    // 工号, 姓名, the status badge and the hire date whole; the headers over their columns.
    expect(await cutKeyCells(page, '员工', [0, 1, 5, 6]), `people key columns at ${size.width}`).toEqual([]);
    expect(await misalignedHeaders(page, '员工'), `people headers at ${size.width}`).toEqual([]);

    await go(page, '培训师筛选');
    await expect(page.getByTestId('tab-candidates')).toHaveText(/候选人 \d+/);
    expect(await overflowing(page), `screening at ${size.width}`).toEqual([]);
    expect(await cutKeyCells(page, /^候选人/, 2), `candidates key columns at ${size.width}`).toEqual([]);
    // The explanation lies over the results instead of squeezing them, and Escape closes it.
    const before = await page.getByRole('table', { name: /^候选人/ }).boundingBox();
    await page.getByRole('button', { name: /查看依据/ }).first().click();
    await expect(page.getByRole('dialog', { name: /的筛选依据/ })).toBeVisible();
    expect(await page.getByRole('table', { name: /^候选人/ }).boundingBox()).toEqual(before);
    expect(await overflowing(page), `explanation at ${size.width}`).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: /的筛选依据/ })).toBeHidden();
  }
  // On a tablet the menu closes once a page is chosen.
  await page.setViewportSize({ width: 768, height: 1024 });
  await go(page, '选拔流程');
  await expect(page.getByRole('link', { name: '员工' })).toBeHidden();
  // The audit log keeps its time, user and action whole on a tablet, in Chinese and in English.
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await go(page, '操作日志');
    await expect(page.getByRole('table', { name: '操作日志' }).getByRole('row').nth(1)).toBeVisible();
    expect(await overflowing(page), `audit at ${size.width}`).toEqual([]);
    expect(await cutKeyCells(page, '操作日志', 3), `audit columns at ${size.width}`).toEqual([]);
  }
  await go(page, '设置');
  await page.getByLabel('English').check();
  await page.getByRole('button', { name: /Menu$/ }).tap();
  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('table', { name: 'Audit log' }).getByRole('row').nth(1)).toBeVisible();
  expect(await cutKeyCells(page, 'Audit log', 3), 'audit columns in English at 768').toEqual([]);
  // English dates and badges are longer: the people list keeps them whole too.
  await page.getByRole('button', { name: /Menu$/ }).tap();
  await page.getByRole('link', { name: 'People' }).click();
  await expect(page.getByTestId('people-count')).toHaveText('2,000 people');
  expect(await cutKeyCells(page, 'People', [0, 1, 5, 6]), 'people columns in English at 768').toEqual([]);
  expect(await misalignedHeaders(page, 'People'), 'people headers in English at 768').toEqual([]);
});
