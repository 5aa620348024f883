// Page model of the app for the journeys: what a training officer does, in their words.
import { expect, type Page } from '@playwright/test';

export const ADMIN = { userName: 'admin', displayName: '王培训', password: 'xinhuo-2026' };

export class XinhuoApp {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/');
  }

  async setUpPlant(options: { demoEmployees?: number } = {}) {
    const p = this.page;
    await expect(p.getByRole('heading', { name: '欢迎使用薪火' })).toBeVisible();
    await p.getByLabel('单位名称').fill('华东能源集团');
    await p.getByLabel('厂区', { exact: true }).check();
    await p.getByLabel('厂区代码').fill('P01');
    await p.getByLabel('厂区名称').fill('华东第一制造厂');
    await p.getByLabel('所在地区').fill('江苏省');
    await p.getByLabel('用户名').fill(ADMIN.userName);
    await p.getByLabel('姓名').fill(ADMIN.displayName);
    await p.getByLabel('密码', { exact: true }).fill(ADMIN.password);
    await p.getByLabel('确认密码').fill(ADMIN.password);
    if (options.demoEmployees) {
      await p.getByLabel(/载入示例工厂/).check();
      await p.getByLabel('员工人数').fill(String(options.demoEmployees));
    }
    await p.getByRole('button', { name: '完成设置' }).click();
  }

  peopleCount() {
    return this.page.getByTestId('people-count');
  }

  async waitForPeople(count: number) {
    await expect(this.peopleCount()).toHaveText(`共 ${count.toLocaleString('zh-CN')} 人`, { timeout: 150_000 });
  }

  search() {
    return this.page.getByLabel('搜索工号、姓名或拼音首字母');
  }

  tableRows() {
    return this.page.getByRole('table', { name: '员工' }).getByRole('row');
  }

  async signIn(userName: string, password: string, language: 'zh' | 'en' = 'zh') {
    const labels = language === 'zh' ? { user: '用户名', password: '密码', submit: '登录' } : { user: 'User name', password: 'Password', submit: 'Sign in' };
    await this.page.getByLabel(labels.user).fill(userName);
    await this.page.getByLabel(labels.password).fill(password);
    await this.page.getByRole('button', { name: labels.submit }).click();
  }

  async signOut() {
    await this.page.getByRole('button', { name: '退出登录' }).click();
    await expect(this.page.getByRole('button', { name: '登录' })).toBeVisible();
  }
}
