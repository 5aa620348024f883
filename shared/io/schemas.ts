// Header synonyms per dataset field: what HR, appraisal and course systems call each column.
// Matching is on normalised text (NFKC, no spaces or punctuation, lower case).

import { DATASETS, type DatasetName, type FieldDef } from '../domain/facts/datasets.ts';

const SYNONYMS: Record<DatasetName, Record<string, string[]>> = {
  roster: {
    employeeId: ['工号', '员工编号', '人员编码', '职工号', '员工工号', '员工号', '人员编号', '员工代码', 'Employee ID', 'EmployeeID', 'Emp ID', 'Staff ID'],
    name: ['姓名', '员工姓名', '人员姓名', 'Name', 'Employee Name'],
    plant: ['厂区', '单位', '分公司', '所属单位', '所属厂区', '工厂', 'Plant', 'Site'],
    department: ['部门', '所属部门', '部门名称', '车间', 'Department', 'Dept'],
    position: ['岗位', '职位', '岗位名称', '职务', 'Position', 'Job Title', 'Title'],
    managerId: ['直接上级工号', '上级工号', '直属上级工号', '汇报对象工号', 'Manager ID', 'Supervisor ID'],
    hireDate: ['入职日期', '入职时间', '参加工作时间', '入司日期', 'Hire Date', 'Start Date'],
    status: ['在职状态', '员工状态', '状态', '人员状态', 'Status', 'Employment Status'],
    leaveDate: ['离职日期', '离职时间', '退休日期', 'Leave Date', 'Termination Date'],
    region: ['地区', '所在城市', '城市', '所在地区', 'Region', 'City'],
    certificates: ['证书', '职业资格证书', '技能证书', '资格证书', 'Certificates'],
  },
  performance: {
    employeeId: ['工号', '员工编号', '人员编码', '职工号', '员工工号', 'Employee ID'],
    name: ['姓名', '员工姓名', 'Name'],
    period: ['考核周期', '考核期间', '周期', '考核期', 'Period'],
    score: ['绩效得分', '考核得分', '综合得分', '绩效分数', '得分', 'Score', 'Performance Score'],
    grade: ['绩效等级', '考核等级', '等级', 'Grade', 'Rating Grade'],
    subordinateImprovement: ['下属业绩提升率', '团队业绩提升率', '下属绩效提升率', 'Subordinate Improvement', 'Team Improvement'],
    teamScore: ['团队协作得分', '团队协作', 'Teamwork Score'],
    innovationScore: ['创新贡献得分', '创新得分', 'Innovation Score'],
  },
  ratings: {
    employeeId: ['工号', '员工编号', '人员编码', '职工号', 'Employee ID'],
    name: ['姓名', '员工姓名', 'Name'],
    dimension: ['评价维度', '能力项', '评价项目', '能力维度', 'Dimension', 'Competency'],
    score: ['评分', '分数', '评价得分', 'Score', 'Rating'],
    period: ['评价周期', '评价期间', '周期', 'Period'],
    date: ['评价日期', '评价时间', 'Date'],
    rater: ['评价人', '评分人', 'Rater'],
  },
  activities: {
    employeeId: ['工号', '员工编号', '人员编码', '职工号', 'Employee ID'],
    name: ['姓名', '员工姓名', 'Name'],
    type: ['活动类型', '类型', '活动名称', 'Type', 'Activity Type'],
    date: ['活动日期', '日期', '活动时间', 'Date'],
    title: ['主题', '分享主题', '活动主题', 'Title', 'Topic'],
  },
  certificates: {
    employeeId: ['工号', '员工编号', '人员编码', '职工号', 'Employee ID'],
    name: ['姓名', '员工姓名', 'Name'],
    certificate: ['证书名称', '证书', '资格名称', '技能等级证书', 'Certificate'],
    level: ['等级', '证书等级', '级别', 'Level'],
    issueDate: ['发证日期', '取证日期', '颁发日期', 'Issue Date'],
  },
  trainingRecords: {
    employeeId: ['工号', '员工编号', '人员编码', 'Employee ID'],
    name: ['姓名', '员工姓名', 'Name'],
    course: ['课程名称', '培训课程', '课程', '培训项目', 'Course'],
    role: ['参训身份', '身份', '角色', 'Role'],
    date: ['培训日期', '培训时间', '日期', 'Date'],
    hours: ['学时', '培训学时', '课时', 'Hours'],
    score: ['考核成绩', '成绩', '考试成绩', 'Score'],
    rating: ['满意度评分', '满意度', '讲师评分', '评分', 'Rating'],
    feedback: ['学员反馈', '反馈', '意见建议', 'Feedback'],
  },
  learningRecords: {
    employeeId: ['工号', '学员编号', '员工编号', '用户编号', 'Employee ID', 'User ID'],
    name: ['姓名', '学员姓名', 'Name'],
    courseId: ['课程编号', '课程ID', '课程代码', 'Course ID'],
    courseTitle: ['课程名称', '课程标题', '课程', 'Course Title', 'Course'],
    progress: ['学习进度', '进度', '完成进度', 'Progress'],
    completionDate: ['完成日期', '完成时间', 'Completion Date'],
    rating: ['课程评分', '评分', 'Rating'],
    comment: ['评论', '课程评论', '留言', 'Comment'],
    views: ['观看次数', '学习次数', '播放次数', 'Views'],
    region: ['学员地区', '地区', '所在地区', 'Region'],
  },
  needs: {
    employeeId: ['工号', '员工编号', '填报人工号', 'Employee ID'],
    name: ['姓名', '填报人', 'Name'],
    department: ['部门', '所属部门', 'Department'],
    topic: ['需求主题', '培训需求', '需求内容', '希望学习的内容', 'Topic', 'Need'],
    priority: ['迫切程度', '优先级', '重要程度', 'Priority'],
    description: ['需求描述', '具体说明', '说明', 'Description'],
    date: ['填报日期', '提交时间', '日期', 'Date'],
  },
  businessMetrics: {
    employeeId: ['工号', '员工编号', 'Employee ID'],
    name: ['姓名', 'Name'],
    period: ['统计周期', '周期', '期间', '月份', 'Period'],
    metric: ['指标名称', '指标', 'Metric'],
    value: ['指标值', '数值', '值', 'Value'],
  },
};

/** Normalised form of a header or synonym for matching. */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u00a0\u3000_\-—–·.:：()（）[\]【】*＊#/\\]/g, '');
}

export interface FieldSchema extends FieldDef {
  synonyms: string[];
  /** Normalised synonyms, the first one being the canonical header. */
  keys: string[];
}

export interface DatasetSchema {
  name: DatasetName;
  zh: string;
  en: string;
  key: readonly string[];
  fields: FieldSchema[];
}

export const SCHEMAS: Record<DatasetName, DatasetSchema> = Object.fromEntries(
  Object.values(DATASETS).map((def) => [
    def.name,
    {
      name: def.name,
      zh: def.zh,
      en: def.en,
      key: def.key,
      fields: def.fields.map((fd) => {
        const synonyms = [fd.zh, ...(SYNONYMS[def.name][fd.name] ?? []), fd.en];
        return { ...fd, synonyms, keys: [...new Set(synonyms.map(normaliseHeader))] };
      }),
    },
  ]),
) as Record<DatasetName, DatasetSchema>;
