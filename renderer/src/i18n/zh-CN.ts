// Simplified Chinese: the default language.

export const zhCN = {
  app: { name: '薪火', fullName: '薪火 Xinhuo', tagline: '内训师选拔与微课管理' },
  nav: { screening: '培训师筛选', pipeline: '选拔流程', importer: '导入数据', history: '导入历史', sync: '同步', plants: '各厂区', reviewResults: '评审结果', myPackets: '我的评审包', reviewer: '我是评审专家：打开评审包', people: '员工', audit: '操作日志', settings: '设置', signOut: '退出登录', menu: '菜单', signedInAs: '当前用户：{{name}}', noAccess: '您的账号没有查看此页面的权限。如需开通，请联系管理员。' },
  recovered: { notice: '窗口刚才意外中止（{{reason}}），已重新载入。已保存的数据都在；正在进行但未确认的操作需要重做。', dismiss: '知道了' },
  common: { earlierRows: '前面的行', laterRows: '后面的行', withNote: '{{text}}（{{note}}）', inParens: '（{{text}}）', labelled: '{{label}}：{{value}}', listSeparator: '、', cancel: '取消', save: '保存', back: '返回', all: '全部', none: '无', loading: '正在加载…', yes: '是', no: '否', close: '关闭', datePlaceholder: '年/月/日', pickDate: '选择日期' },
  status: { active: '在职', probation: '试用', leave: '停薪留职', departed: '离职', retired: '退休', unknown: '未知' },
  profiles: { seedName: '内训师画像（示例）' },
  datasets: { roster: '员工档案', performance: '绩效考核', ratings: '能力评价', activities: '知识分享与活动', certificates: '证书', trainingRecords: '培训记录', learningRecords: '在线学习记录', needs: '培训需求调研', businessMetrics: '业务指标' },
};

export type Messages = typeof zhCN;
