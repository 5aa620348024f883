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
  'session.idleRange': { zh: '空闲退出时间须为 {min} 到 {max} 分钟之间的整数', en: 'The idle timeout must be a whole number of minutes from {min} to {max}' },
  'auth.locked': { zh: '账号 {userName} 因多次输错密码已被锁定，请联系管理员重置密码', en: 'The account {userName} is locked after repeated wrong passwords; ask an administrator to reset the password' },
  'worker.timeout': { zh: '后台任务（{task}）用时超过 {seconds} 秒，已停止；其他功能不受影响，请重试', en: 'A background task ({task}) took more than {seconds} seconds and was stopped; the rest of the app is unaffected. Try again' },
  'worker.memory': { zh: '后台任务（{task}）所需内存超过上限 {limitMb} MB，已停止；其他功能不受影响', en: 'A background task ({task}) needed more than its {limitMb} MB of memory and was stopped; the rest of the app is unaffected' },
  'worker.crashed': { zh: '后台任务（{task}）意外中止（可能内存不足），已停止；其他功能不受影响，请重试', en: 'A background task ({task}) stopped unexpectedly (perhaps out of memory); the rest of the app is unaffected. Try again' },
  'atRest.locked': { zh: '数据已加密，请先登录（{table}）', en: 'The data is encrypted: sign in first ({table})' },
  'atRest.format': { zh: '数据由更新版本的薪火加密（格式 {format}），请升级薪火', en: 'The data was encrypted by a newer Xinhuo (format {format}): upgrade Xinhuo' },
  'atRest.damaged': { zh: '一条加密数据无法解开（{table} {key}），可能已被改动；请从备份恢复', en: 'An encrypted row cannot be opened ({table} {key}); it may have been tampered with. Restore from a backup' },
  'atRest.otherUser': { zh: '此电脑上的数据密钥绑定在另一个系统账户（或另一台电脑）上，无法在这里打开；请在原来的电脑和系统账户下登录，或从备份恢复', en: 'The data key is bound to another operating-system account (or computer) and cannot be opened here: sign in on the original computer and account, or restore from a backup' },
  'atRest.noKey': { zh: '数据已加密，账号 {userName} 还没有密钥；请管理员为此账号重置密码后再登录', en: 'The data is encrypted and {userName} has no key for it yet: ask an administrator to reset this account\'s password, then sign in' },
  'auth.weakHash': { zh: '账号 {userName} 的密码记录不符合安全要求（可能被改动过），已拒绝登录；请联系管理员重置密码', en: 'The stored password of {userName} is weaker than Xinhuo writes (it may have been tampered with); sign-in refused. Ask an administrator to reset the password' },
  'auth.wait': { zh: '密码输错，请 {seconds} 秒后再试', en: 'Wrong password; try again in {seconds} seconds' },
  'import.stale': { zh: '数据已被其他窗口修改，请重新预览', en: 'The data was changed in another window; preview the import again' },
  'import.duplicate': { zh: '文件 {file} 已经导入过，没有再次导入', en: '{file} has been imported already; it was not imported again' },
  'change.ownPartition': { zh: '同步包不能修改本机自己的数据（{partition}）', en: 'A bundle cannot change this installation\'s own data ({partition})' },
  'bundle.unreadable': { zh: '这不是薪火同步包（.xhb），无法读取', en: 'This is not a Xinhuo bundle (.xhb) and cannot be read' },
  'bundle.truncated': { zh: '同步包不完整（可能复制时中断），请重新复制或让对方重新导出', en: 'The bundle is incomplete (the copy may have been interrupted); copy it again or ask for a new export' },
  'bundle.tooLarge': { zh: '同步包过大（{size} 字节，上限 {limit} 字节），已拒绝', en: 'The bundle is too large ({size} bytes; the limit is {limit}); refused' },
  'bundle.badEntry': { zh: '同步包中有不应出现的内容（{entry}），已拒绝', en: 'The bundle contains an entry it must not have ({entry}); refused' },
  'bundle.badManifest': { zh: '同步包的清单无法读取（{problem}），已拒绝', en: 'The bundle\'s manifest cannot be read ({problem}); refused' },
  'bundle.newerFormat': { zh: '同步包来自更新版本的薪火（格式第 {version} 版，本机支持第 {supported} 版），请先升级薪火', en: 'The bundle comes from a newer Xinhuo (format version {version}; this one reads version {supported}): upgrade Xinhuo' },
  'bundle.newerSchema': { zh: '同步包来自更新版本的薪火（{kind} 第 {version} 版，本机支持第 {supported} 版），请先升级薪火；该文件已保留，升级后可再导入', en: 'The bundle comes from a newer Xinhuo ({kind} version {version}; this one reads version {supported}): upgrade Xinhuo; the file is kept for then' },
  'bundle.otherOrg': { zh: '同步包属于另一个组织，不是本组织的文件', en: 'The bundle belongs to another organisation' },
  'bundle.badSignature': { zh: '签名无效：同步包在签名后被改动过，或不是由其声明的厂区生成', en: 'Invalid signature: the bundle was changed after signing, or not written by the plant it names' },
  'bundle.badCertificate': { zh: '{plant} 的厂区证书不是由本组织总部签发的', en: 'The certificate of {plant} was not issued by this organisation\'s head office' },
  'bundle.revoked': { zh: '{plant} 的厂区证书已被总部吊销，该厂区的同步包不再被接受', en: 'The certificate of {plant} has been revoked by head office; its bundles are no longer accepted' },
  'bundle.wrongScope': { zh: '同步包想写入 {partition} 的数据，但其证书只允许 {allowed}', en: 'The bundle tries to write data of {partition}, but its certificate allows only {allowed}' },
  'bundle.hashMismatch': { zh: '同步包中的 {file} 与清单不符（内容被改动或损坏）', en: '{file} in the bundle does not match its manifest (changed or damaged)' },
  'bundle.countMismatch': { zh: '同步包中的 {file} 记录数与清单不符（内容不完整）', en: 'The record count of {file} does not match the manifest (incomplete)' },
  'bundle.notForThis': { zh: '这个同步包不是发给本机的，无法解密', en: 'This bundle is not addressed to this installation and cannot be decrypted' },
  'bundle.foreignPacket': { zh: '这个评分文件对应的评审包（{packet}）不是本批次发出的', en: 'This score file answers a review packet ({packet}) this round did not issue' },
  'review.rubricFrozen': { zh: '{round} 已经发出评审包，评分标准（{rubric}）已冻结：补发的评审包必须使用同一标准', en: 'Packets of {round} are out, so its rubric ({rubric}) is frozen: further packets must use the same rubric' },
  'review.rubricInvalid.name': { zh: '评分标准需要一个名称', en: 'The rubric needs a name' },
  'review.rubricInvalid.criteria': { zh: '评分标准需要 1 到 20 项评分维度', en: 'A rubric needs 1 to 20 criteria' },
  'review.rubricInvalid.criterionName': { zh: '每项评分维度都需要名称', en: 'Every criterion needs a name' },
  'review.rubricInvalid.weight': { zh: '每项评分维度的权重须大于 0', en: 'Every criterion needs a weight above 0' },
  'review.rubricInvalid.duplicate': { zh: '两项评分维度同名：请改名后再保存', en: 'Two criteria have the same name: rename one first' },
  'review.rubricInvalid.scale': { zh: '评分档位无效：最高分须大于最低分', en: 'The scale is invalid: its top must be above its bottom' },
  'topics.noTheme': { zh: '请填写主题', en: 'Give the theme a name' },
  'topics.duplicate': { zh: '主题清单里已经有“{theme}”', en: '“{theme}” is already on the topic list' },
  'review.conflict': { zh: '评审专家 {reviewer} 与候选人 {candidate} 同属一个部门（共 {count} 处）：请换人，或填写理由后再发评审包', en: 'Reviewer {reviewer} and candidate {candidate} are in the same department ({count} in all): change the panel, or give a reason to override' },
  'review.staleRubric': { zh: '评分文件按评审标准第 {version} 版打分，本批次现行的是第 {current} 版，已拒绝', en: 'The score file uses rubric version {version}; the round uses version {current}; refused' },
  'review.wrongReviewer': { zh: '评分文件的评审专家与评审包不一致', en: 'The score file\'s reviewer does not match its packet' },
  'review.notPacket': { zh: '这个文件不是评审包', en: 'This file is not a review packet' },
  'review.notScoreFile': { zh: '这个文件不是评分文件', en: 'This file is not a score file' },
  'bundle.badRecord': { zh: '同步包 {file} 第 {line} 行的记录无法读取：{problem}', en: 'The record on line {line} of {file} cannot be read: {problem}' },
  'backup.notBackup': { zh: '这个文件是同步包，不是备份', en: 'This file is a sync bundle, not a backup' },
  'backup.otherInstallation': { zh: '这份备份来自另一台安装，不能在本机恢复', en: 'This backup comes from another installation and cannot be restored here' },
  'trust.notHq': { zh: '只有总部安装才能执行此操作', en: 'Only a head-office installation can do this' },
  'trust.notPlant': { zh: '只有厂区安装才能执行此操作', en: 'Only a plant installation can do this' },
  'trust.noOrg': { zh: '还没有设置组织：总部请先创建组织，厂区请先导入组织文件', en: 'No organisation yet: head office creates one; a plant imports the org file first' },
  'trust.orgExists': { zh: '本机已经创建过组织', en: 'This installation has created its organisation already' },
  'trust.badFile': { zh: '所选文件不是需要的薪火文件（组织文件、入网申请、证书或密钥备份）', en: 'The file chosen is not the Xinhuo file needed (org file, enrolment request, certificate or key backup)' },
  'trust.otherOrg': { zh: '该文件属于另一个组织', en: 'The file belongs to another organisation' },
  'trust.badSignature': { zh: '签名无效：文件在签发后被改动过', en: 'Invalid signature: the file was changed after it was signed' },
  'trust.notMine': { zh: '这份证书不是为本机的密钥签发的', en: 'This certificate was not issued for this installation\'s keys' },
  'trust.unknownRequest': { zh: '找不到这份入网申请或证书', en: 'That enrolment request or certificate was not found' },
  'trust.wrongPlant': { zh: '这份证书是签发给 {plant} 的，不是本厂区', en: 'This certificate was issued to {plant}, not to this plant' },
  'trust.badPassword': { zh: '密码不对，或备份文件已损坏', en: 'Wrong password, or the backup file is damaged' },
  'sync.unknownPartition': { zh: '还没有收到 {partition} 的同步包', en: 'No bundle has been received from {partition} yet' },
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
