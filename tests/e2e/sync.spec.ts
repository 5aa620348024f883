// Head office and a plant, each in its own browser context with its own storage: head office
// creates the organisation; the plant joins, enrols, imports data and exports a bundle; head
// office imports it and finds the plant's people and screening; the plant reads the
// acknowledgement; a tampered copy is refused with a clear message and changes nothing.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ADMIN, XinhuoApp } from './pages/app.ts';

async function download(page: Page, click: () => Promise<void>, dir: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(dir, dl.suggestedFilename());
  await dl.saveAs(path);
  return path;
}

async function upload(page: Page, button: Locator, ...paths: string[]): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
  await chooser.setFiles(paths);
}

async function setUpHq(page: Page) {
  await expect(page.getByRole('heading', { name: '欢迎使用薪火' })).toBeVisible();
  await page.getByLabel('单位名称').fill('华东能源集团');
  await page.getByLabel('总部', { exact: true }).check();
  await page.getByLabel('用户名').fill(ADMIN.userName);
  await page.getByLabel('姓名').fill('赵总部');
  await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('确认密码').fill(ADMIN.password);
  await page.getByRole('button', { name: '完成设置' }).click();
}

test('a plant enrols with head office, sends a bundle, and head office sees its people; a tampered copy is refused', async ({ browser }) => {
  const dir = await mkdtemp(join(tmpdir(), 'xinhuo-sync-'));
  const hqContext = await browser.newContext();
  const plantContext = await browser.newContext();
  const hq = await hqContext.newPage();
  const plant = await plantContext.newPage();
  const errors: string[] = [];
  for (const p of [hq, plant]) p.on('pageerror', (e) => errors.push(e.message));

  // Head office creates the organisation and exports the org file.
  await hq.goto('/');
  await setUpHq(hq);
  await hq.getByRole('link', { name: '各厂区' }).click();
  await hq.getByRole('button', { name: '创建组织' }).click();
  const orgRegion = hq.getByRole('region', { name: '组织', exact: true });
  await expect(orgRegion.getByText(/^\d{4}( \d{4}){5}$/)).toBeVisible();
  const orgFingerprint = (await orgRegion.getByText(/^\d{4}( \d{4}){5}$/).textContent())!;
  const orgFile = await download(hq, () => orgRegion.getByRole('button', { name: '导出组织文件' }).click(), dir);

  // The plant joins, with a demo roster, and writes its enrolment request.
  const app = new XinhuoApp(plant);
  await app.open();
  await app.setUpPlant({ demoEmployees: 300 });
  await app.waitForPeople(300);
  const nav = plant.getByRole('navigation');
  await expect(nav.getByRole('link', { name: '同步' })).toBeVisible();
  await expect(nav.getByRole('link', { name: '各厂区' })).toHaveCount(0);
  await nav.getByRole('link', { name: '同步' }).click();
  const orgCard = plant.getByRole('region', { name: '组织与证书' });
  await upload(plant, orgCard.getByRole('button', { name: '导入组织文件' }), orgFile);
  await expect(orgCard.getByText('已加入组织：华东能源集团')).toBeVisible();
  await expect(orgCard.getByText(orgFingerprint)).toBeVisible();
  const sendCard = plant.getByRole('region', { name: '发送到总部' });
  await expect(sendCard.getByRole('button', { name: '导出同步包' })).toBeDisabled();
  const request = await download(plant, () => orgCard.getByRole('button', { name: '生成入网申请' }).click(), dir);
  const plantFingerprint = (await orgCard.locator('dd.mono').nth(1).textContent())!;

  // Head office reads the request, compares the fingerprint, and issues the certificate.
  const enrol = hq.getByRole('region', { name: '入网申请' });
  await upload(hq, enrol.getByRole('button', { name: '导入入网申请' }), request);
  await expect(enrol.getByRole('row', { name: /华东第一制造厂/ })).toContainText(plantFingerprint);
  const cert = await download(hq, () => enrol.getByRole('button', { name: '核对无误，签发证书' }).click(), dir);
  await expect(enrol.getByText('没有待处理的入网申请。')).toBeVisible();

  // The plant installs the certificate and exports its first bundle.
  await upload(plant, orgCard.getByRole('button', { name: '导入厂区证书' }), cert);
  await expect(orgCard.getByRole('status')).toHaveText('厂区证书已导入，可以向总部发送同步包了。');
  await expect(orgCard.getByText(/厂区证书：华东第一制造厂（P01），签发于/)).toBeVisible();
  const bundle = await download(plant, () => sendCard.getByRole('button', { name: '导出同步包' }).click(), dir);
  expect(bundle).toMatch(/华东第一制造厂_\d{4}-\d{2}-\d{2}_seq1-\d+\.xhb$/);
  await expect(sendCard.getByRole('status')).toContainText('已导出同步包');

  // A tampered copy is refused, with a clear message, and head office has nothing yet.
  const bytes = await readFile(bundle);
  const tampered = Buffer.from(bytes);
  const at = tampered.indexOf('"createdAt":"') + 14;
  tampered[at] = tampered[at] === 0x31 ? 0x32 : 0x31;
  const tamperedPath = join(dir, '篡改.xhb');
  await writeFile(tamperedPath, tampered);
  const receive = hq.getByRole('region', { name: '接收文件' });
  await upload(hq, receive.getByRole('button', { name: '导入同步包' }), tamperedPath);
  await expect(receive.getByRole('status')).toContainText('拒绝 篡改.xhb：签名无效');
  // The certified plant is listed, with nothing received yet.
  const plants = hq.getByRole('table', { name: '各厂区数据' });
  await expect(plants.getByRole('row', { name: /华东第一制造厂/ }).getByRole('cell').nth(1)).toHaveText('—');

  // The inspector reads the real bundle before anything is imported.
  const inspector = hq.getByRole('region', { name: '同步包详情' });
  await upload(hq, inspector.getByRole('button', { name: '查看同步包' }), bundle);
  await expect(inspector.getByText('厂区同步包')).toBeVisible();
  await expect(inspector.getByText('由本组织总部签发，有效')).toBeVisible();

  // Head office imports the bundle: the plant appears with its data.
  await upload(hq, receive.getByRole('button', { name: '导入同步包' }), bundle);
  await expect(receive.getByRole('status')).toContainText('已应用 1 个');
  await expect(plants.getByRole('row', { name: /华东第一制造厂/ })).toContainText('今天');
  await hq.screenshot({ path: 'test-results/screens/plants-zh-1440.png', fullPage: true });
  // Its people are there, keyed by plant.
  await hq.getByRole('link', { name: '员工' }).click();
  await expect(hq.getByTestId('people-count')).toHaveText('共 300 人', { timeout: 60_000 });
  await expect(hq.getByRole('table', { name: '员工' }).getByRole('row').nth(1)).toContainText('P01·');
  await hq.getByRole('link', { name: '培训师筛选' }).click();
  await expect(hq.getByTestId('tab-candidates')).toHaveText(/候选人 \d+/);

  // The acknowledgement goes back; the plant reads it.
  await hq.getByRole('link', { name: '各厂区' }).click();
  const ack = await download(hq, () => plants.getByRole('button', { name: '导出回执' }).click(), dir);
  const plantReceive = plant.getByRole('region', { name: '接收文件' });
  await upload(plant, plantReceive.getByRole('button', { name: '导入同步包' }), ack);
  await expect(plantReceive.getByRole('status')).toContainText('已应用 1 个');
  await expect(sendCard.getByText('还没有收到总部回执')).toHaveCount(0);
  await expect(sendCard.getByTestId('unsent')).toHaveText('0 条');
  await plant.screenshot({ path: 'test-results/screens/sync-zh-1440.png', fullPage: true });

  expect(errors).toEqual([]);
  await hqContext.close();
  await plantContext.close();
});
