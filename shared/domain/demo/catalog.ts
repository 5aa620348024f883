// Reference tables for the demo plant: departments, positions, names, certificates and
// activity types of a mid-sized manufacturing plant like the one in the domain article.

export interface DepartmentSpec {
  name: string;
  /** Share of the headcount. */
  share: number;
  frontline: boolean;
  head: string;
  leader: string;
  staff: readonly (readonly [string, number])[];
  certificates: readonly string[];
}

export const DEPARTMENTS: readonly DepartmentSpec[] = [
  { name: '生产一车间', share: 0.14, frontline: true, head: '车间主任', leader: '班组长', staff: [['操作工', 6], ['设备操作员', 2], ['质检员', 1]], certificates: ['高级工', '技师', '高级技师', '特种作业操作证'] },
  { name: '生产二车间', share: 0.13, frontline: true, head: '车间主任', leader: '班组长', staff: [['操作工', 6], ['设备操作员', 2], ['质检员', 1]], certificates: ['高级工', '技师', '高级技师', '特种作业操作证'] },
  { name: '生产三车间', share: 0.12, frontline: true, head: '车间主任', leader: '班组长', staff: [['操作工', 6], ['焊工', 2], ['质检员', 1]], certificates: ['高级工', '技师', '高级技师', '焊工证'] },
  { name: '生产四车间', share: 0.1, frontline: true, head: '车间主任', leader: '班组长', staff: [['操作工', 6], ['叉车司机', 1], ['质检员', 1]], certificates: ['高级工', '技师', '叉车证'] },
  { name: '装配车间', share: 0.11, frontline: true, head: '车间主任', leader: '班组长', staff: [['装配工', 7], ['调试员', 2]], certificates: ['高级工', '技师', '高级技师'] },
  { name: '设备维修部', share: 0.09, frontline: false, head: '部门经理', leader: '维修主管', staff: [['维修电工', 4], ['机修钳工', 4], ['设备工程师', 2]], certificates: ['高级工程师', '工程师', '高级技师', '维修电工证', '特种作业操作证'] },
  { name: '质量部', share: 0.07, frontline: false, head: '部门经理', leader: '质量主管', staff: [['质量工程师', 3], ['检验员', 5]], certificates: ['质量工程师', '六西格玛绿带', '六西格玛黑带', '内审员证书'] },
  { name: '技术部', share: 0.06, frontline: false, head: '部门经理', leader: '技术主管', staff: [['工艺工程师', 4], ['研发工程师', 3]], certificates: ['高级工程师', '工程师', '注册安全工程师'] },
  { name: '销售部', share: 0.07, frontline: false, head: '销售总监', leader: '区域经理', staff: [['销售代表', 6], ['销售助理', 2]], certificates: ['营销师', '高级营销师'] },
  { name: '客户服务部', share: 0.05, frontline: false, head: '部门经理', leader: '客服主管', staff: [['客服专员', 6], ['售后工程师', 2]], certificates: ['客户服务管理师', '工程师'] },
  { name: '行政部', share: 0.03, frontline: false, head: '部门经理', leader: '行政主管', staff: [['行政专员', 3], ['培训专员', 1], ['人事专员', 2]], certificates: ['人力资源管理师', '企业培训师'] },
  { name: '财务部', share: 0.03, frontline: false, head: '财务经理', leader: '会计主管', staff: [['会计', 3], ['出纳', 1]], certificates: ['中级会计师', '注册会计师'] },
];

export const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 72], ['李', 71], ['张', 68], ['刘', 54], ['陈', 45], ['杨', 31], ['黄', 24], ['赵', 23], ['吴', 21], ['周', 20],
  ['徐', 17], ['孙', 16], ['马', 15], ['朱', 14], ['胡', 13], ['郭', 12], ['何', 12], ['高', 11], ['林', 11], ['罗', 10],
  ['郑', 10], ['梁', 9], ['谢', 8], ['宋', 8], ['唐', 8], ['许', 7], ['韩', 7], ['冯', 7], ['邓', 7], ['曹', 6],
  ['彭', 6], ['曾', 6], ['肖', 6], ['田', 6], ['董', 6], ['袁', 5], ['潘', 5], ['于', 5], ['蒋', 5], ['蔡', 5],
  ['余', 5], ['杜', 5], ['叶', 4], ['程', 4], ['苏', 4], ['魏', 4], ['吕', 4], ['丁', 4], ['任', 4], ['沈', 4],
  ['姚', 3], ['卢', 3], ['姜', 3], ['崔', 3], ['钟', 3], ['谭', 3], ['陆', 3], ['汪', 3], ['范', 3], ['金', 3],
  ['欧阳', 1], ['司马', 0.3], ['上官', 0.3],
];

export const GIVEN_CHARS =
  '伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华建国文辉玲志红鹏飞宇浩然俊峰晨阳博文思雨欣怡子轩梓涵雪梅海燕春兰立新卫东德胜永清晓东振华宏伟云鹏佳琪嘉豪诗琪天宇国栋亚楠新民';

export const KNOWLEDGE_SHARING_TYPES: readonly (readonly [string, number])[] = [
  ['部门知识分享会', 6],
  ['知识分享会', 3],
  ['分享会', 1],
];

export const OTHER_ACTIVITY_TYPES = ['师带徒', '技能比武', 'QC小组活动', '合理化建议'] as const;

export const SHARING_TOPICS = [
  '设备点检要点', '换型快速切换经验', '安全操作规程解读', '典型质量问题复盘', '5S现场管理实践', '节能降耗小窍门',
  '新员工上手指南', '故障排查思路', '客户投诉处理案例', '工艺参数优化', '精益生产入门', '班组管理心得',
  'PLC常见报警处理', '焊接缺陷预防', '来料检验要点', '销售谈判技巧', '售后服务标准流程', '数据报表自动化',
] as const;

export const RATING_DIMENSIONS = ['带教能力', '沟通能力'] as const;
