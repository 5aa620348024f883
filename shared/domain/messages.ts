// The shared catalogue of failure codes that are not a feature's own: records refused by the
// restore, writes refused by the write path, access, the selection pipeline, cancellation.
// The app and the CLI render the same code as the same sentence (zh-CN first, English).
// Import problems have their own catalogue in shared/io/messages.ts, built the same way.

import type { Failure, FailureParams } from './failure.ts';
import { STAGE_EN, STAGE_ZH, type Stage } from './pipeline/stages.ts';

export type Lang = 'zh' | 'en';

export const FAILURE_MESSAGES = {
  'record.notObject': { zh: '{kind} 记录不是一个对象，无法读取', en: 'The {kind} record is not an object and cannot be read' },
  'record.unknownKind': { zh: '不认识的记录类型：{kind}', en: 'Unknown record kind: {kind}' },
  'record.newerVersion': { zh: '这份数据来自更新版本的薪火（{kind} 第 {version} 版，本机只能读到第 {supported} 版），请先升级薪火再导入', en: 'This data comes from a newer Xinhuo ({kind} version {version}; this one reads up to version {supported}): upgrade Xinhuo, then import it again' },
  'record.invalid': { zh: '{kind} 记录的字段 {field} 不正确：{problem}', en: 'Field {field} of a {kind} record is not valid: {problem}' },
  'change.notSetUp': { zh: '本机尚未完成设置，不能写入数据', en: 'This installation is not set up yet; nothing can be written' },
  'change.foreignPartition': { zh: '本机负责的是 {own}，不能修改 {partition} 的数据', en: 'This installation owns {own}; it cannot change data of {partition}' },
  'access.denied': { zh: '此账号不能执行该操作，或已被停用', en: 'This account may not do that, or it has been disabled' },
  'pipeline.badMove': { zh: '不能从“{from}”直接变为“{to}”。', en: 'Cannot move from “{from}” to “{to}” directly.' },
  cancelled: { zh: '已取消，没有写入任何内容', en: 'Cancelled; nothing was written' },
  'auth.locked': { zh: '账号 {userName} 因多次输错密码已被锁定，请联系管理员重置密码', en: 'The account {userName} is locked after repeated wrong passwords; ask an administrator to reset the password' },
  'auth.wait': { zh: '密码输错，请 {seconds} 秒后再试', en: 'Wrong password; try again in {seconds} seconds' },
  'import.stale': { zh: '数据已被其他窗口修改，请重新预览', en: 'The data was changed in another window; preview the import again' },
  'import.duplicate': { zh: '文件 {file} 已经导入过，没有再次导入', en: '{file} has been imported already; it was not imported again' },
} as const satisfies Record<string, Record<Lang, string>>;

export type FailureCode = keyof typeof FAILURE_MESSAGES;

/** Parameters that are codes, shown by name in each language. */
const CODED: Record<string, Record<Lang, Record<string, string>>> = {
  from: { zh: STAGE_ZH, en: STAGE_EN },
  to: { zh: STAGE_ZH, en: STAGE_EN },
};

export function fillTemplate(template: string, params: FailureParams | Record<string, string | number>, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = (params as Record<string, unknown>)[k];
    const text = v === null || v === undefined ? '' : String(v);
    return CODED[k]?.[lang][text] ?? text;
  });
}

export const isFailureCode = (code: string): code is FailureCode => code in FAILURE_MESSAGES;

/** The sentence for a failure of this catalogue; null for a code it does not hold. */
export function failureText(f: Failure, lang: Lang = 'zh'): string | null {
  return isFailureCode(f.code) ? fillTemplate(FAILURE_MESSAGES[f.code][lang], f.params, lang) : null;
}

export type { Stage };
