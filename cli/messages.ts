// CLI messages in zh-CN (default) and English (--lang en).

export type Lang = 'zh' | 'en';

const MESSAGES = {
  usage: {
    zh: `薪火 Xinhuo 命令行

用法：xinhuo <命令> [选项]

命令：
  demo     生成示例工厂数据（员工档案、绩效、能力评价、活动、证书 .xlsx）
  help     显示帮助

通用选项：
  --lang zh|en   输出语言（默认 zh）
  --help         显示帮助

xinhuo demo --employees N --seed S --out DIR [--end-quarter 2026Q3] [--plant-code P01] [--plant-name 名称] [--region 地区]`,
    en: `Xinhuo command line

Usage: xinhuo <command> [options]

Commands:
  demo     generate a demo plant (roster, performance, ratings, activities, certificates as .xlsx)
  help     show this help

Common options:
  --lang zh|en   output language (default zh)
  --help         show this help

xinhuo demo --employees N --seed S --out DIR [--end-quarter 2026Q3] [--plant-code P01] [--plant-name NAME] [--region REGION]`,
  },
  unknownCommand: { zh: '未知命令：{0}。运行 xinhuo --help 查看可用命令。', en: 'Unknown command: {0}. Run xinhuo --help to list the commands.' },
  badOption: { zh: '参数错误：{0}', en: 'Invalid arguments: {0}' },
  missingOption: { zh: '缺少必填参数 --{0}', en: 'Missing required option --{0}' },
  badEmployees: { zh: '--employees 须为 20 到 1000000 之间的整数，收到：{0}', en: '--employees must be an integer from 20 to 1000000, got: {0}' },
  badQuarter: { zh: '--end-quarter 须为季度，例如 2026Q3，收到：{0}', en: '--end-quarter must be a quarter such as 2026Q3, got: {0}' },
  writeFailed: { zh: '无法写入目录 {0}：{1}', en: 'Cannot write to {0}: {1}' },
  demoDone: { zh: '已生成示例工厂：{0} 名员工，截至 {1}，写入 {2}', en: 'Demo plant written: {0} employees, as of {1}, to {2}' },
  demoFile: { zh: '  {0}（{1} 行）', en: '  {0} ({1} rows)' },
} satisfies Record<string, Record<Lang, string>>;

export type MessageId = keyof typeof MESSAGES;

export function message(lang: Lang, id: MessageId, ...args: (string | number)[]): string {
  return MESSAGES[id][lang].replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}

export class CliError extends Error {
  readonly id: MessageId;
  readonly args: (string | number)[];
  readonly exitCode: number;
  constructor(id: MessageId, args: (string | number)[] = [], exitCode = 2) {
    super(id);
    this.id = id;
    this.args = args;
    this.exitCode = exitCode;
  }
}
