// A group-sized plant: 100,000 employees in the people browser.
import { expect, test } from '@playwright/test';
import { XinhuoApp } from './pages/app.ts';

test('100,000 demo employees: the table renders, scrolls to the end and filters', async ({ page }) => {
  test.setTimeout(300_000);
  const app = new XinhuoApp(page);
  await app.open();
  await app.setUpPlant({ demoEmployees: 100_000 });
  await app.waitForPeople(100_000);

  // Virtualised: only a screenful of rows is in the DOM.
  const rendered = await app.tableRows().count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(120);

  // Scroll to the end: the last employee row appears.
  const body = page.getByTestId('vtable-body');
  await body.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(page.locator('[role=row][aria-rowindex="100001"]')).toBeVisible();
  await expect(page.locator('[role=row][aria-rowindex="100001"]').getByRole('cell').first()).toHaveText('0100000'); // ids keep a leading zero at every size

  // Filter and search.
  await page.getByLabel('部门').selectOption('质量部');
  await expect(app.peopleCount()).toHaveText(/筛选出 7,\d{3} 人（共 100,000 人）/);
  await app.search().fill('张');
  await expect(app.peopleCount()).toHaveText(/筛选出 \d{3} 人（共 100,000 人）/);
  await expect(app.tableRows().nth(1)).toContainText('质量部');
});
