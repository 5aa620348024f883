// CLI messages in zh-CN (default) and English (--lang en).

export type Lang = 'zh' | 'en';

const MESSAGES = {
  usage: {
    zh: `薪火 Xinhuo 命令行

用法：xinhuo <命令> [选项]

命令：
  demo     生成示例工厂数据（员工档案、绩效、能力评价、活动、证书 .xlsx）
  check    检查一个表格文件：识别数据类型、表头和列对应，逐行校验
  screen   按画像筛选内训师候选人（候选人、差一项的人、排除的人）
  bundle   查看、核验、合并同步包（.xhb）
  review   统计评审专家的评分文件
  help     显示帮助

通用选项：
  --lang zh|en   输出语言（默认 zh）
  --help         显示帮助

xinhuo demo --employees N --seed S --out DIR [--end-quarter 2026Q3] [--plant-code P01] [--plant-name 名称] [--region 地区]
xinhuo check <文件> [--dataset 类型] [--sheet 工作表] [--json] [--records]
    退出码：0 可读且无错误行，1 可读但有错误行，2 无法读取
    数据类型：roster performance ratings activities certificates trainingRecords learningRecords needs businessMetrics
xinhuo screen --as-of YYYY-MM-DD --profile seed|画像.json --roster 文件 --performance 文件 --ratings 文件 --activities 文件 [--certificates 文件] [--json]
xinhuo demo --bundles DIR --plants K --employees N --seed S
    写入 DIR/org.json、DIR/hq.key（总部私钥，仅供测试和演示）和 DIR/bundles/*.xhb
xinhuo bundle inspect <文件> [--org 组织文件] [--json]
xinhuo bundle verify <文件> --org 组织文件 [--json]
    退出码：0 真实且完整，1 被拒绝（给出原因），2 无法读取
xinhuo bundle merge <文件或目录>... --org 组织文件 --key 总部密钥文件 [--json]
xinhuo demo --review DIR --candidates N --reviewers R --seed S
    写入 DIR/packets/（评审包）、DIR/scores/（评分文件）和 DIR/expected.json（其中的原始评分）
xinhuo review tally --packets 目录 --scores 文件... [--json]
    退出码：0 全部评分文件有效，1 有被拒绝的评分文件，2 评审包无法读取`,
    en: `Xinhuo command line

Usage: xinhuo <command> [options]

Commands:
  demo     generate a demo plant (roster, performance, ratings, activities, certificates as .xlsx)
  check    check a spreadsheet: dataset, header row, column mapping, row-by-row validation
  screen   screen trainer candidates with a profile (candidates, near-misses, exclusions)
  bundle   inspect, verify and merge bundles (.xhb)
  review   tally the reviewers' score files
  help     show this help

Common options:
  --lang zh|en   output language (default zh)
  --help         show this help

xinhuo demo --employees N --seed S --out DIR [--end-quarter 2026Q3] [--plant-code P01] [--plant-name NAME] [--region REGION]
xinhuo check <file> [--dataset NAME] [--sheet NAME] [--json] [--records]
    exit code: 0 readable with no row errors, 1 readable with row errors, 2 unreadable
    datasets: roster performance ratings activities certificates trainingRecords learningRecords needs businessMetrics
xinhuo screen --as-of YYYY-MM-DD --profile seed|PROFILE.json --roster F --performance F --ratings F --activities F [--certificates F] [--json]
xinhuo demo --bundles DIR --plants K --employees N --seed S
    writes DIR/org.json, DIR/hq.key (head office's private key, for tests and demos only) and DIR/bundles/*.xhb
xinhuo bundle inspect <file> [--org ORGFILE] [--json]
xinhuo bundle verify <file> --org ORGFILE [--json]
    exit code: 0 authentic and intact, 1 refused (with the reason), 2 unreadable
xinhuo bundle merge <file or folder>... --org ORGFILE --key HQKEYFILE [--json]
xinhuo demo --review DIR --candidates N --reviewers R --seed S
    writes DIR/packets/ (review packets), DIR/scores/ (score files) and DIR/expected.json (the raw scores in them)
xinhuo review tally --packets DIR --scores FILE... [--json]
    exit code: 0 every score file accepted, 1 some refused, 2 the packets cannot be read`,
  },
  unknownCommand: { zh: '未知命令：{0}。运行 xinhuo --help 查看可用命令。', en: 'Unknown command: {0}. Run xinhuo --help to list the commands.' },
  badOption: { zh: '参数错误：{0}', en: 'Invalid arguments: {0}' },
  missingOption: { zh: '缺少必填参数 --{0}', en: 'Missing required option --{0}' },
  badEmployees: { zh: '--employees 须为 20 到 1000000 之间的整数，收到：{0}', en: '--employees must be an integer from 20 to 1000000, got: {0}' },
  badQuarter: { zh: '--end-quarter 须为季度，例如 2026Q3，收到：{0}', en: '--end-quarter must be a quarter such as 2026Q3, got: {0}' },
  writeFailed: { zh: '无法写入目录 {0}：{1}', en: 'Cannot write to {0}: {1}' },
  demoDone: { zh: '已生成示例工厂：{0} 名员工，截至 {1}，写入 {2}', en: 'Demo plant written: {0} employees, as of {1}, to {2}' },
  demoFile: { zh: '  {0}（{1} 行）', en: '  {0} ({1} rows)' },
  checkUsage: { zh: '用法：xinhuo check <文件> [--dataset 类型] [--sheet 工作表] [--json] [--records] [--max-memory MB]', en: 'Usage: xinhuo check <file> [--dataset NAME] [--sheet NAME] [--json] [--records] [--max-memory MB]' },
  badDataset: { zh: '未知的数据类型：{0}（可选：{1}）', en: 'Unknown dataset: {0} (one of: {1})' },
  cannotRead: { zh: '无法读取文件 {0}：{1}', en: 'Cannot read {0}: {1}' },
  checkSummary: { zh: '{0}：{1}，工作表“{2}”，表头在第 {3} 行，数据类型：{4}', en: '{0}: {1}, sheet "{2}", header on row {3}, dataset: {4}' },
  checkMapping: { zh: '  {0} ← {1}（匹配度 {2}%）', en: '  {0} ← {1} (confidence {2}%)' },
  checkWide: { zh: '  宽表：按列拆分的评价维度：{0}', en: '  wide sheet: one column per dimension: {0}' },
  checkCounts: { zh: '共 {0} 行，有效 {1} 行；错误 {2} 个，提示 {3} 个', en: '{0} rows, {1} valid; {2} errors, {3} warnings' },
  checkHidden: { zh: '含 {0} 行隐藏行（已包含）', en: '{0} hidden rows (included)' },
  badAsOf: { zh: '--as-of 须为日期 YYYY-MM-DD，收到：{0}', en: '--as-of must be a date YYYY-MM-DD, got: {0}' },
  badProfile: { zh: '无法读取画像 {0}：{1}', en: 'Cannot read the profile {0}: {1}' },
  screenInput: { zh: '{0}', en: '{0}' },
  screenSkipped: { zh: '{0}：{1} 行有错误未参与筛选（{2} 个错误，用 xinhuo check 查看）', en: '{0}: {1} rows with errors were left out ({2} errors; see xinhuo check)' },
  screenSummary: { zh: '画像“{0}”，截至 {1}：在职 {2} 人，候选人 {3} 人，差一项 {4} 人，排除 {5} 人', en: 'Profile "{0}" as of {1}: {2} active, {3} candidates, {4} near-misses, {5} excluded' },
  screenCandidates: { zh: '候选人：', en: 'Candidates:' },
  screenNearMisses: { zh: '差一项：', en: 'Near-misses:' },
  screenOnly: { zh: '仅差：{0} {1}（要求 {2}）', en: 'only misses: {0} {1} (needs {2})' },
  screenExcluded: { zh: '排除（截止日不在职）：{0} 人', en: 'Excluded (not active at the as-of date): {0}' },
  checkMore: { zh: '  ……另有 {0} 条未列出（用 --json 查看全部）', en: '  … {0} more (use --json to see all)' },
  detail: { zh: '  详情：{0}', en: '  Detail: {0}' },
  bundleUsage: {
    zh: '用法：xinhuo bundle inspect <文件> [--org 组织文件] [--json]\n      xinhuo bundle verify <文件> --org 组织文件 [--json]\n      xinhuo bundle merge <文件或目录>... --org 组织文件 --key 总部密钥文件 [--json]',
    en: 'Usage: xinhuo bundle inspect <file> [--org ORGFILE] [--json]\n       xinhuo bundle verify <file> --org ORGFILE [--json]\n       xinhuo bundle merge <file or folder>... --org ORGFILE --key HQKEYFILE [--json]',
  },
  badOrgFile: { zh: '{0} 不是薪火组织文件（org.json）', en: '{0} is not a Xinhuo org file (org.json)' },
  badKeyFile: { zh: '{0} 不是薪火总部密钥文件', en: '{0} is not a Xinhuo head-office key file' },
  keyMismatch: { zh: '密钥文件 {0} 与组织文件 {1} 不是同一个组织的', en: 'The key file {0} does not belong to the organisation of {1}' },
  bundleRefused: { zh: '{0}：{1}', en: '{0}: {1}' },
  inspectHead: { zh: '{0}：{1}', en: '{0}: {1}' },
  inspectFrom: { zh: '  发出方：{0}，分区 {1}，来源 {2}', en: '  From: {0}, partition {1}, origin {2}' },
  inspectTo: { zh: '  接收方：{0}（指纹 {1}）', en: '  To: {0} (fingerprint {1})' },
  inspectWhen: { zh: '  生成于 {0}，序号 {1}–{2}（{3}）', en: '  Written {0}, seq {1}–{2} ({3})' },
  inspectTable: { zh: '  {0}：{1} 条', en: '  {0}: {1} records' },
  inspectStatus: { zh: '  签名：{0}；证书：{1}', en: '  Signature: {0}; certificate: {1}' },
  verifyOk: { zh: '{0}：真实且完整（{1}，序号 {2}–{3}）', en: '{0}: authentic and intact ({1}, seq {2}–{3})' },
  heldGap: { zh: '缺少序号 {0}–{1} 的同步包，等补齐后再应用', en: 'Bundles with seq {0}–{1} are missing; held until they arrive' },
  heldMassDelete: { zh: '将删除 {0} 条记录（该厂区共 {1} 条），需确认后才应用', en: 'It would delete {0} of {1} records; held for confirmation' },
  heldNewer: { zh: '来自更新版本的薪火，升级后再应用', en: 'From a newer Xinhuo; held until an upgrade' },
  mergeSummary: { zh: '已应用 {0} 个，暂缓 {1} 个，拒绝 {2} 个', en: '{0} applied, {1} held, {2} rejected' },
  mergeHeld: { zh: '暂缓 {0}：{1}', en: 'Held {0}: {1}' },
  mergeRejected: { zh: '拒绝 {0}：{1}', en: 'Rejected {0}: {1}' },
  mergeDigest: { zh: '合并后状态摘要：{0}', en: 'Digest of the merged state: {0}' },
  demoBundlesDone: { zh: '已生成 {0} 个厂区的同步包 {1} 个，写入 {2}（org.json、hq.key、bundles/）', en: '{1} bundles of {0} plants written to {2} (org.json, hq.key, bundles/)' },
  reviewUsage: { zh: '用法：xinhuo review tally --packets 目录 --scores 文件... [--json]', en: 'Usage: xinhuo review tally --packets DIR --scores FILE... [--json]' },
  badPacket: { zh: '评审包 {0} 无法读取：{1}', en: 'The review packet {0} cannot be read: {1}' },
  noPackets: { zh: '{0} 中没有评审包（.xhb）', en: 'No review packets (.xhb) in {0}' },
  tallyHead: { zh: '评审包 {0} 个，采用评分文件 {1} 个，拒绝 {2} 个', en: '{0} packets, {1} score files used, {2} refused' },
  tallyLine: { zh: '  {0} {1}：平均 {2}，去掉最高最低后 {3}，极差 {4}  {5}', en: '  {0} {1}: mean {2}, trimmed mean {3}, spread {4}  {5}' },
  flagSpread: { zh: '评分分歧大', en: 'large spread' },
  flagMissing: { zh: '有评分缺失', en: 'scores missing' },
  flagOutlier: { zh: '有评审打分明显偏离', en: 'a reviewer far from the panel' },
  demoReviewDone: { zh: '已生成评审演示：{0} 名候选人，{1} 位评审，写入 {2}（packets/、scores/、expected.json）', en: 'Demo review written: {0} candidates, {1} reviewers, to {2} (packets/, scores/, expected.json)' },
  badCount: { zh: '--{0} 须为 1 到 {1} 之间的整数，收到：{2}', en: '--{0} must be an integer from 1 to {1}, got: {2}' },
  badPlants: { zh: '--plants 须为 1 到 500 之间的整数，收到：{0}', en: '--plants must be an integer from 1 to 500, got: {0}' },
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
