// The round end to end from the UI: the officer hands a screening run to selection, invites
// three people, issues review packets (a conflict of interest needs a reason), a reviewer
// scores one packet in a separate context, and the officer tallies the round it stored.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { XinhuoApp } from './pages/app.ts';

test('an officer issues review packets from the pipeline and tallies what a reviewer returns', async ({ browser }) => {
  const dir = await mkdtemp(join(tmpdir(), 'xinhuo-round-'));
  const officer = await browser.newContext();
  const page = await officer.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const app = new XinhuoApp(page);
  await app.open();
  await app.setUpPlant({ demoEmployees: 2000 });
  await app.waitForPeople(2000);
  await page.getByRole('link', { name: '培训师筛选' }).click();
  await page.getByRole('button', { name: '保存本次筛选' }).click();
  await page.getByRole('region', { name: '已保存的筛选' }).getByRole('button', { name: '加入选拔流程' }).click();
  // The run starts a selection round: its name, dates and quota.
  const handOff = page.getByRole('dialog');
  await handOff.getByLabel('批次名称').fill('2026年度内训师选拔');
  await handOff.getByLabel('开始日期').fill('2026-12-01');
  await handOff.getByLabel('名额（可选）').fill('15');
  await handOff.getByRole('checkbox').first().check();
  const handedOver = Number(/（(\d+) 人）/.exec((await handOff.getByRole('button', { name: /^加入（/ }).textContent())!)![1]);
  await handOff.getByRole('button', { name: /^加入（/ }).click();
  await expect(page.getByRole('status').filter({ hasText: '已加入选拔流程' })).toBeVisible();
  await page.getByRole('link', { name: '选拔流程', exact: true }).click();
  await expect(page.getByTestId('round-facts')).toContainText('2026年度内训师选拔');
  await expect(page.getByTestId('round-facts')).toContainText('入选 0 / 名额 15');
  await expect(page.getByTestId('round-funnel')).toContainText(`数据初选 ${handedOver}`);
  // Someone the run did not bring, added by hand with the reason.
  await page.getByRole('button', { name: '手动添加' }).click();
  const add = page.getByRole('dialog', { name: /^手动添加到/ });
  await add.getByLabel('工号').fill('9999999');
  await expect(add.getByRole('status')).toHaveText('花名册中没有工号 9999999。');
  await expect(add.getByRole('button', { name: '加入' })).toBeDisabled();
  // The demo plant's first employee (its 厂长), unless the run already brought them.
  const firstId = '000001';
  const already = await page.getByRole('table', { name: '选拔流程' }).getByRole('link', { name: firstId }).count();
  await add.getByLabel('工号').fill(firstId);
  await expect(add.getByRole('status')).toContainText('行政部');
  await add.getByLabel('加入理由（必填）').fill('车间主任推荐，带教经验丰富');
  await add.getByRole('button', { name: '加入' }).click();
  if (already) await expect(add.getByRole('alert')).toContainText('已在选拔流程中');
  else await expect(page.getByTestId('round-funnel')).toContainText(`数据初选 ${handedOver + 1}`);
  if (already) await add.getByRole('button', { name: '取消' }).click();
  // The board: a column per stage.
  await page.getByRole('button', { name: '看板' }).click();
  await expect(page.getByRole('listitem', { name: /^数据初选 \d+$/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/round-board-zh-1440.png', fullPage: true });
  await page.getByRole('button', { name: '表格' }).click();
  const pipeline = page.getByRole('table', { name: '选拔流程' });
  for (let i = 0; i < 2; i++) await pipeline.getByRole('button', { name: /^邀请 / }).first().click();
  await expect(page.getByRole('tab', { name: '已邀请 2' })).toBeVisible();
  // The topic list gets the theme the workshop asked for.
  const topics = page.getByRole('region', { name: '微课主题清单' });
  await topics.getByLabel('主题', { exact: true }).fill('设备点检');
  await topics.getByLabel('业务痛点').fill('新员工点检漏项，停机时间长');
  await topics.getByRole('button', { name: '加入主题清单' }).click();
  await expect(topics.getByRole('status')).toHaveText('已加入主题清单：设备点检');
  await expect(topics.getByRole('row', { name: /设备点检/ })).toContainText('暂无');
  // Both hand in a topic on it and get a trial lecture.
  await page.getByRole('tab', { name: '已邀请 2' }).click();
  for (let i = 0; i < 2; i++) {
    await pipeline.getByRole('button', { name: /^已交选题 / }).first().click();
    const dialog = page.getByRole('dialog', { name: /的微课选题$/ });
    await dialog.getByLabel('对应主题清单').selectOption('设备点检');
    await dialog.getByLabel('选题名称').fill(`设备点检的常见错误 ${i + 1}`);
    await dialog.getByLabel('对应的业务痛点').fill('新员工点检漏项，停机时间长');
    await dialog.getByRole('button', { name: '保存选题' }).click();
  }
  await expect(topics.getByRole('row', { name: /设备点检/ })).not.toContainText('暂无');
  await page.getByRole('tab', { name: '已提交选题 2' }).click();
  for (let i = 0; i < 2; i++) {
    await pipeline.getByRole('button', { name: /^已排试讲 / }).first().click();
    const dialog = page.getByRole('dialog', { name: /的试讲安排$/ });
    await dialog.getByLabel('日期', { exact: true }).fill('2026-12-10');
    await dialog.getByLabel('开始时间').fill(`${String(9 + i).padStart(2, '0')}:00`);
    await dialog.getByLabel('地点').fill('培训中心 201');
    await dialog.getByRole('button', { name: '保存试讲安排' }).click();
  }
  await expect(page.getByRole('tab', { name: '已安排试讲 2' })).toBeVisible();

  await page.getByRole('link', { name: '评审结果' }).click();
  const issue = page.getByRole('region', { name: '发出评审包' });
  await expect(issue.getByText('候选人（2 人）')).toBeVisible();
  const invited = await issue.getByRole('checkbox', { checked: true }).first().evaluate((el) => el.parentElement!.textContent!);
  const department = invited.split('·')[1].trim();
  await expect(issue.getByLabel('选拔批次')).toHaveValue(/.+/);
  // A reviewer chosen from the roster comes with their department (here a candidate's colleague: the candidate).
  await issue.getByLabel('姓名 1').fill(invited.split('（')[0]);
  await expect(issue.getByLabel('所在部门 1')).toHaveValue(department);
  await issue.getByLabel('所在部门 1').selectOption('');
  await issue.getByLabel('姓名 1').fill('周建国');
  await issue.getByLabel('所在部门 1').selectOption(department);
  await issue.getByRole('button', { name: '添加评审专家' }).click();
  await issue.getByLabel('姓名 2').fill('吴秀英');
  await issue.getByLabel('身份 2').selectOption({ label: '员工代表' });
  // The rubric: the built-in one, reweighted and kept as this plant's template.
  const rubric = issue.getByRole('group', { name: '评分标准' });
  await rubric.getByLabel('选题相关性 的权重').fill('50');
  await rubric.getByLabel('表达能力 的权重').fill('25');
  await rubric.getByLabel('案例真实性 的权重').fill('25');
  await expect(rubric.getByLabel('量表模板')).toHaveValue('');
  await rubric.getByLabel('名称', { exact: true }).fill('本厂试讲评审');
  await rubric.getByRole('button', { name: '保存为模板' }).click();
  await expect(rubric.getByRole('status')).toHaveText('已保存模板：本厂试讲评审 第1版');
  await expect(rubric.getByLabel('量表模板').locator('option:checked')).toHaveText('本厂试讲评审 第1版');
  await issue.getByRole('button', { name: '生成评审包（2 份）' }).click();
  await expect(issue.getByRole('alert')).toContainText('同属一个部门');
  await issue.getByPlaceholder('回避例外的理由').first().fill('本部门只有他熟悉该工艺');
  const downloads: string[] = [];
  page.on('download', async (d) => {
    const path = join(dir, `${downloads.length}-${d.suggestedFilename()}`);
    downloads.push(path);
    await d.saveAs(path);
  });
  await issue.getByRole('button', { name: '生成评审包（2 份）' }).click();
  await expect(issue.getByRole('status').filter({ hasText: '评审包' })).toHaveText('已生成 2 份评审包，请分别交给评审专家。');
  // From now on the round's rubric is frozen.
  await expect(issue.getByTestId('rubric-summary')).toHaveText('本厂试讲评审：选题相关性 50%、表达能力 25%、案例真实性 25% · 每项 1–10 分');
  await expect(issue.getByText('评分标准已冻结')).toBeVisible();
  await expect.poll(() => downloads.length).toBe(2);
  await page.screenshot({ path: 'test-results/screens/round-issue-zh-1440.png', fullPage: true });

  // The first reviewer scores on their own device.
  const reviewer = await browser.newContext({ viewport: { width: 768, height: 1024 } });
  const r = await reviewer.newPage();
  await r.goto('/#/review');
  const [chooser] = await Promise.all([r.waitForEvent('filechooser'), r.getByRole('button', { name: '打开评审包' }).click()]);
  await chooser.setFiles(downloads.find((d) => d.includes('周建国'))!);
  await expect(r.getByTestId('review-progress')).toHaveText('已评 0 / 2 人');
  await expect(r.getByRole('region', { name: '评分标准' })).toContainText('选题相关性（权重 50%）');
  // The packet carries each candidate's topic and trial lecture.
  await expect(r.getByText('设备点检的常见错误 1')).toBeVisible();
  await expect(r.getByText(/2026-12-10 09:00，培训中心 201，15 分钟/)).toBeVisible();
  const cards = r.locator('.review-candidate');
  for (const c of [0, 1]) for (const [criterion, score] of [['选题相关性', 8], ['表达能力', 7], ['案例真实性', 9]] as const) await cards.nth(c).getByRole('radio', { name: `${criterion}：${score} 分` }).click();
  const [scoreFile] = await Promise.all([r.waitForEvent('download'), r.getByRole('button', { name: '导出评分文件' }).click()]);
  const scorePath = join(dir, scoreFile.suggestedFilename());
  await scoreFile.saveAs(scorePath);

  // Back at the officer's: the stored round, the returned file, the results.
  await page.getByLabel('评审批次').selectOption({ label: '2026年度内训师选拔（周建国、吴秀英）' });
  const [sc] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '导入评分文件' }).click()]);
  await sc.setFiles(scorePath);
  const table = page.getByRole('table', { name: '评审结果' });
  await expect(table.getByRole('row')).toHaveCount(3);
  // 0.5 × 8 + 0.25 × 7 + 0.25 × 9 = 8.0; 吴秀英 has not returned hers.
  await expect(table.getByRole('row').nth(1)).toContainText('8.00');
  await expect(table.getByRole('row').nth(1)).toContainText('有评分缺失');
  // 吴秀英 scored on paper: the officer types her sheet in.
  const paper = page.getByRole('region', { name: '录入纸质评分' });
  await paper.getByRole('combobox').selectOption({ label: '吴秀英' });
  for (const input of await paper.getByRole('spinbutton').all()) await input.fill('6');
  await paper.getByRole('button', { name: '保存纸质评分' }).click();
  await expect(paper.getByRole('status')).toHaveText('已录入 吴秀英 的纸质评分');
  await expect(table.getByRole('row').nth(1)).toContainText('6.00');
  await expect(table.getByRole('row').nth(1)).not.toContainText('有评分缺失');
  await expect(table.getByRole('row').nth(1)).toContainText('7.00');
  // The paper sheets and the trial schedule print.
  await paper.getByRole('link', { name: '打印纸质评分表' }).click();
  await expect(page.getByRole('article', { name: '吴秀英 的评分表' })).toBeVisible();
  // Coming back, the round still has what came back: nothing is picked again.
  await page.goBack();
  await page.getByLabel('评审批次').selectOption({ label: '2026年度内训师选拔（周建国、吴秀英）' });
  await expect(table.getByRole('row').nth(1)).toContainText('7.00');
  await expect(table.getByRole('columnheader', { name: '吴秀英（纸质）' })).toBeVisible();

  // The decision: the top one becomes a trainer, the other is not selected.
  const decide = page.getByRole('region', { name: '确定入选名单' });
  await decide.getByLabel('取前').check();
  await decide.getByLabel('名额').fill('1');
  const chosen = decide.getByRole('table', { name: '入选 1 人' });
  const chosenId = (await chosen.getByRole('row').nth(1).locator('.mono').textContent())!.trim();
  await chosen.getByRole('combobox').selectOption({ label: '中级培训师' });
  await decide.getByRole('button', { name: '确认入选（1 人）' }).click();
  await expect(decide.getByRole('status')).toHaveText('已确定：入选 1 人，未入选 1 人；0 人不在试讲或评审阶段，未改动。');
  // The final list exports and reads back; the 公示 notice lists the trainer.
  const [list] = await Promise.all([page.waitForEvent('download'), decide.getByRole('button', { name: '导出培训师名单（.xlsx）' }).click()]);
  const listPath = join(dir, list.suggestedFilename());
  await list.saveAs(listPath);
  const XLSX = await import('xlsx');
  const rows = XLSX.utils.sheet_to_json<string[]>(XLSX.read(await readFile(listPath)).Sheets['培训师名单'], { header: 1, raw: false });
  expect(rows[1].slice(0, 1).concat(rows[1].slice(3, 4))).toEqual([chosenId, '中级培训师']);
  await decide.getByRole('link', { name: '打开公示通知' }).click();
  await expect(page.getByRole('heading', { name: '关于2026年度内训师选拔结果的公示' })).toBeVisible();
  await expect(page.getByRole('table', { name: '拟认定内训师名单' }).getByRole('row')).toHaveCount(2);
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: 'test-results/screens/notice-print.png' });
  await expect(page.getByRole('navigation')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await page.goto(`/#/people/${chosenId}`);
  await expect(page.getByTestId('trainer')).toContainText('中级培训师 · ');
  await expect(page.getByTestId('trainer')).toContainText('2026年度内训师选拔');
  // The selection history stays on the employee page, every move with who made it.
  await expect(page.getByTestId('selection')).toContainText('2026年度内训师选拔：入选');
  await page.getByTestId('selection').locator('summary').first().click();
  await page.screenshot({ path: 'test-results/screens/employee-selection-zh-1440.png' });
  await page.getByRole('link', { name: '选拔流程', exact: true }).click();
  await expect(page.getByRole('tab', { name: '入选 1', exact: true })).toBeVisible();
  await page.goto('/#/trial-schedule');
  await expect(page.getByRole('table', { name: '试讲安排表' })).toBeVisible();
  await page.getByRole('link', { name: '选拔流程', exact: true }).click();
  await expect(page.getByRole('tab', { name: '未入选 1' })).toBeVisible();
  await expect(page.getByTestId('round-facts')).toContainText('入选 1 / 名额 15');
  // The round's list as .xlsx, read back.
  const [roundList] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出名单' }).click()]);
  const roundPath = join(dir, roundList.suggestedFilename());
  await roundList.saveAs(roundPath);
  const roundRows = XLSX.utils.sheet_to_json<string[]>(XLSX.read(await readFile(roundPath)).Sheets['选拔批次名单'], { header: 1, raw: false });
  expect(roundRows[0].slice(0, 5)).toEqual(['工号', '姓名', '部门', '阶段', '来源']);
  expect(roundRows.some((r) => r[0] === chosenId && r[3] === '入选')).toBe(true);
  await page.getByRole('link', { name: '操作日志' }).click();
  await expect(page.getByText('本部门只有他熟悉该工艺')).toBeVisible();
  // The round in English, on a tablet held upright: the facts, the funnel, the board.
  await page.getByRole('link', { name: '设置' }).click();
  await page.getByLabel('English').check();
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.goto('/#/pipeline');
  await expect(page.getByTestId('round-facts')).toContainText('1 selected of a quota of 15');
  await expect(page.getByTestId('round-funnel')).toContainText('Shortlisted');
  await page.screenshot({ path: 'test-results/screens/round-table-en-768.png', fullPage: true });
  await page.getByRole('button', { name: 'Board' }).click();
  await expect(page.getByRole('listitem', { name: /^Selected 1$/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/round-board-en-768.png', fullPage: true });
  expect(errors).toEqual([]);
  await officer.close();
  await reviewer.close();
});
