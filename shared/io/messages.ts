// Messages for import problems, zh-CN first and English, with the cell named the way an
// officer reads a sheet: 第7行 C列(姓名).

export type Lang = 'zh' | 'en';

export const IO_MESSAGES = {
  required: { zh: '必填', en: 'is required' },
  badId: { zh: '工号格式不正确：“{value}”', en: 'is not a valid employee ID: "{value}"' },
  idPadded: { zh: '工号是数字，已按单元格格式补足前导零为 {value}', en: 'was a number; restored the leading zeros from the cell format: {value}' },
  idPrecision: { zh: '数字 {value} 超过 15 位，已丢失精度，请在 Excel 中把该列设为文本后重新导出', en: 'the number {value} has more than 15 digits and lost precision; format the column as text and export again' },
  badDate: { zh: '无法识别的日期：“{value}”（例：2023-05-01、2023/5/1、2023年5月1日）', en: 'is not a date: "{value}" (e.g. 2023-05-01, 2023/5/1)' },
  badPeriod: { zh: '无法识别的周期：“{value}”（例：2024、2024H1、2024Q1、2024年第1季度、2024-03）', en: 'is not a period: "{value}" (e.g. 2024, 2024H1, 2024Q1, 2024-03)' },
  badNumber: { zh: '不是数字：“{value}”', en: 'is not a number: "{value}"' },
  badPercent: { zh: '不是百分比：“{value}”（例：20%、0.2）', en: 'is not a percentage: "{value}" (e.g. 20%, 0.2)' },
  percentScaled: { zh: '数值 {value} 大于 1，已按百分数理解为 {fraction}', en: '{value} is above 1; read as a percentage: {fraction}' },
  badEnum: { zh: '无法识别的值：“{value}”，可选：{allowed}', en: 'unknown value "{value}"; allowed: {allowed}' },
  errorCell: { zh: '单元格是错误值 {value}', en: 'the cell holds the error {value}' },
  formulaNoValue: { zh: '公式没有计算结果，请在 Excel 中重新计算并保存', en: 'the formula has no cached value; recalculate and save in Excel' },
  duplicateKey: { zh: '与第{other}行重复（{key}）', en: 'duplicates row {other} ({key})' },
  nameMismatch: { zh: '工号 {id} 在员工档案中的姓名是“{existing}”，这里是“{value}”', en: 'employee {id} is "{existing}" in the roster but "{value}" here' },
  duplicateHeader: { zh: '表头“{value}”重复，已改名为“{renamed}”', en: 'header "{value}" repeats; renamed to "{renamed}"' },
  unknownEmployee: { zh: '工号 {value} 不在员工档案中', en: 'employee {value} is not in the roster' },
  // File-level problems
  unreadable: { zh: '无法读取文件 {file}：{detail}', en: 'Cannot read {file}: {detail}' },
  encrypted: { zh: '文件 {file} 设置了打开密码，请在 Excel 中取消密码后另存再导入', en: '{file} is password-protected; remove the password in Excel, save and import again' },
  unsupported: { zh: '不支持的文件格式：{file}（支持 .xlsx、.xls、.csv、.txt、.et）', en: 'Unsupported file format: {file} (.xlsx, .xls, .csv, .txt, .et are supported)' },
  // The library's own words (often English) go to a details fold, never into the sentence.
  corrupt: { zh: '文件 {file} 已损坏或不完整，无法读取。请在 Excel 或 WPS 中打开确认后另存，再导入', en: '{file} is damaged or truncated and cannot be read; open it in Excel or WPS, save it again and import the saved copy' },
  empty: { zh: '文件 {file} 中没有数据', en: '{file} has no data' },
  noSheet: { zh: '文件 {file} 中没有名为“{sheet}”的工作表', en: '{file} has no sheet named "{sheet}"' },
  noHeader: { zh: '在 {file} 的“{sheet}”中找不到表头行', en: 'No header row found in sheet "{sheet}" of {file}' },
  unknownDataset: { zh: '无法判断 {file} 是哪类数据，请指定数据类型（--dataset）', en: 'Cannot tell which dataset {file} holds; choose one (--dataset)' },
  missingColumns: { zh: '缺少必填列：{fields}', en: 'Required columns missing: {fieldsEn}' },
  zipTooLarge: { zh: '文件 {file} 解压后有 {size}，超过上限 {limit}，可能是恶意构造的文件，未读取', en: '{file} would expand to {size}, over the limit of {limit}; it may be a hostile file and was not read' },
  zipRatio: { zh: '文件 {file} 中的 {entry} 压缩比为 {ratio}:1，超过上限 {limit}:1，可能是恶意构造的“压缩炸弹”，未读取', en: '{entry} in {file} is compressed {ratio}:1, over the limit of {limit}:1; it may be a zip bomb and was not read' },
  tooManyColumns: { zh: '文件 {file} 的工作表“{sheet}”有 {columns} 列，超过上限 {limit} 列，请删除多余的列后再导入', en: 'Sheet "{sheet}" of {file} has {columns} columns, over the limit of {limit}; remove the extra columns and import again' },
  tooManyRows: { zh: '文件 {file} 的工作表“{sheet}”有 {rows} 行，超过上限 {limit} 行', en: 'Sheet "{sheet}" of {file} has {rows} rows, over the limit of {limit}' },
  parseTimeout: { zh: '读取 {file} 用时超过 {seconds} 秒，已停止，文件没有导入。文件可能过大或已损坏；可拆分后再导入', en: 'Reading {file} took more than {seconds} seconds and was stopped; nothing was imported. The file may be too large or damaged: split it and import the parts' },
  parseMemory: { zh: '读取 {file} 所需内存超过上限 {limitMb} MB，已停止，文件没有导入。文件可能过大或已损坏；可拆分后再导入', en: 'Reading {file} needed more than {limitMb} MB of memory and was stopped; nothing was imported. The file may be too large or damaged: split it and import the parts' },
  parseCrashed: { zh: '读取 {file} 时后台进程意外中止（可能内存不足），文件没有导入。请把文件拆小后再导入', en: 'Reading {file} stopped unexpectedly (perhaps out of memory); nothing was imported. Split the file and import the parts' },
  cellTooLong: { zh: '内容过长（{length} 个字符，此列最多 {limit} 个）', en: 'is too long ({length} characters; at most {limit} here)' },
} as const satisfies Record<string, Record<Lang, string>>;

export type IoMessageCode = keyof typeof IO_MESSAGES;

export function ioMessage(code: IoMessageCode, params: Record<string, string | number> = {}, lang: Lang = 'zh'): string {
  return IO_MESSAGES[code][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

/** 第7行 C列(姓名) in zh, Row 7, column C (姓名) in en. */
export function cellLabel(row: number, column: string, header: string | null, lang: Lang = 'zh'): string {
  if (lang === 'en') return `Row ${row}, column ${column}${header ? ` (${header})` : ''}`;
  return `第${row}行 ${column}列${header ? `(${header})` : ''}`;
}

/** A problem found in a file, stored as a code and parameters and rendered when shown. */
export interface IssueText {
  row: number;
  column: string;
  header: string;
  code: IoMessageCode;
  params: Record<string, string | number>;
}

/**
 * The sentence for an issue in the reader's language: the cell first (第7行 C列(姓名)), then
 * what is wrong. The import preview, the error report and `xinhuo check` all print this.
 */
export function issueMessage(issue: IssueText, lang: Lang = 'zh'): string {
  const text = ioMessage(issue.code, issue.params, lang);
  if (issue.row <= 0) return text;
  // A renamed header is named by its new name in the sentence itself.
  const header = issue.code === 'duplicateHeader' ? null : issue.header || null;
  return `${cellLabel(issue.row, issue.column, header, lang)} ${text}`;
}
