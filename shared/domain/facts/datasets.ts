// Fact datasets: what arrives in bulk from HR, appraisal and course systems.
// Each field has a storage kind (strings or numbers in a columnar block), a canonical value
// type, and the zh/en header an export of ours writes. Header synonyms for reading foreign
// files live in shared/io.

export type ValueType = 'id' | 'text' | 'date' | 'period' | 'number' | 'percent' | 'status' | 'grade' | 'list' | 'role';

export interface FieldDef {
  name: string;
  type: ValueType;
  required?: boolean;
  zh: string;
  en: string;
}

export interface DatasetDef {
  name: DatasetName;
  zh: string;
  en: string;
  /** Fields whose values together identify a row; the latest batch wins per key. */
  key: readonly string[];
  fields: readonly FieldDef[];
}

export const DATASET_NAMES = ['roster', 'performance', 'ratings', 'activities', 'certificates', 'trainingRecords', 'learningRecords', 'needs', 'businessMetrics'] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

const f = (name: string, type: ValueType, zh: string, en: string, required = false): FieldDef => ({ name, type, zh, en, required });

export const DATASETS: Record<DatasetName, DatasetDef> = {
  roster: {
    name: 'roster',
    zh: '员工档案',
    en: 'Roster',
    key: ['employeeId'],
    fields: [
      f('employeeId', 'id', '工号', 'Employee ID', true),
      f('name', 'text', '姓名', 'Name', true),
      f('plant', 'text', '厂区', 'Plant'),
      f('department', 'text', '部门', 'Department', true),
      f('position', 'text', '岗位', 'Position'),
      f('managerId', 'id', '直接上级工号', 'Manager ID'),
      f('hireDate', 'date', '入职日期', 'Hire date'),
      f('status', 'status', '在职状态', 'Status'),
      f('leaveDate', 'date', '离职日期', 'Leave date'),
      f('region', 'text', '地区', 'Region'),
      f('certificates', 'list', '职业资格证书', 'Certificates'),
    ],
  },
  performance: {
    name: 'performance',
    zh: '绩效考核',
    en: 'Performance',
    key: ['employeeId', 'period'],
    fields: [
      f('employeeId', 'id', '工号', 'Employee ID', true),
      f('name', 'text', '姓名', 'Name'),
      f('period', 'period', '考核周期', 'Period', true),
      f('score', 'number', '绩效得分', 'Score', true),
      f('grade', 'grade', '绩效等级', 'Grade'),
      f('subordinateImprovement', 'percent', '下属业绩提升率', 'Subordinate improvement'),
      f('teamScore', 'number', '团队协作得分', 'Teamwork score'),
      f('innovationScore', 'number', '创新贡献得分', 'Innovation score'),
    ],
  },
  ratings: {
    name: 'ratings',
    zh: '能力评价',
    en: 'Ratings',
    key: ['employeeId', 'dimension', 'period', 'rater'],
    fields: [
      f('employeeId', 'id', '工号', 'Employee ID', true),
      f('name', 'text', '姓名', 'Name'),
      f('dimension', 'text', '评价维度', 'Dimension', true),
      f('score', 'number', '评分', 'Score', true),
      f('period', 'period', '评价周期', 'Period'),
      f('date', 'date', '评价日期', 'Date'),
      f('rater', 'text', '评价人', 'Rater'),
    ],
  },
  activities: {
    name: 'activities',
    zh: '知识分享与活动',
    en: 'Activities',
    key: ['employeeId', 'type', 'date', 'title'],
    fields: [
      f('employeeId', 'id', '工号', 'Employee ID', true),
      f('name', 'text', '姓名', 'Name'),
      f('type', 'text', '活动类型', 'Type', true),
      f('date', 'date', '活动日期', 'Date', true),
      f('title', 'text', '分享主题', 'Title'),
    ],
  },
  certificates: {
    name: 'certificates',
    zh: '证书',
    en: 'Certificates',
    key: ['employeeId', 'certificate'],
    fields: [
      f('employeeId', 'id', '工号', 'Employee ID', true),
      f('name', 'text', '姓名', 'Name'),
      f('certificate', 'text', '证书名称', 'Certificate', true),
      f('level', 'text', '等级', 'Level'),
      f('issueDate', 'date', '发证日期', 'Issue date'),
    ],
  },
  trainingRecords: {
    name: 'trainingRecords',
    zh: '培训记录',
    en: 'Training records',
    key: ['employeeId', 'course', 'date', 'role'],
    fields: [
      f('employeeId', 'id', '工号', 'Employee ID', true),
      f('name', 'text', '姓名', 'Name'),
      f('course', 'text', '课程名称', 'Course', true),
      f('role', 'role', '参训身份', 'Role'),
      f('date', 'date', '培训日期', 'Date', true),
      f('hours', 'number', '学时', 'Hours'),
      f('score', 'number', '考核成绩', 'Score'),
      f('rating', 'number', '满意度评分', 'Rating'),
      f('feedback', 'text', '学员反馈', 'Feedback'),
    ],
  },
  learningRecords: {
    name: 'learningRecords',
    zh: '在线学习记录',
    en: 'Online learning records',
    key: ['employeeId', 'courseId', 'courseTitle'],
    fields: [
      f('employeeId', 'id', '工号', 'Employee ID', true),
      f('name', 'text', '姓名', 'Name'),
      f('courseId', 'id', '课程编号', 'Course ID'),
      f('courseTitle', 'text', '课程名称', 'Course title', true),
      f('progress', 'percent', '学习进度', 'Progress'),
      f('completionDate', 'date', '完成日期', 'Completion date'),
      f('rating', 'number', '课程评分', 'Rating'),
      f('comment', 'text', '评论', 'Comment'),
      f('views', 'number', '观看次数', 'Views'),
      f('region', 'text', '学员地区', 'Learner region'),
    ],
  },
  needs: {
    name: 'needs',
    zh: '培训需求调研',
    en: 'Training needs survey',
    key: ['employeeId', 'topic', 'date'],
    fields: [
      f('employeeId', 'id', '工号', 'Employee ID', true),
      f('name', 'text', '姓名', 'Name'),
      f('department', 'text', '部门', 'Department'),
      f('topic', 'text', '需求主题', 'Topic', true),
      f('priority', 'number', '迫切程度', 'Priority'),
      f('description', 'text', '需求描述', 'Description'),
      f('date', 'date', '填报日期', 'Date'),
    ],
  },
  businessMetrics: {
    name: 'businessMetrics',
    zh: '业务指标',
    en: 'Business metrics',
    key: ['employeeId', 'period', 'metric'],
    fields: [
      f('employeeId', 'id', '工号', 'Employee ID', true),
      f('name', 'text', '姓名', 'Name'),
      f('period', 'period', '统计周期', 'Period', true),
      f('metric', 'text', '指标名称', 'Metric', true),
      f('value', 'number', '指标值', 'Value', true),
    ],
  },
};

const NUMERIC: ReadonlySet<ValueType> = new Set(['number', 'percent']);

/** Numbers are stored as Float64Array (NaN = missing); everything else as string | null. */
export function isNumericField(field: FieldDef): boolean {
  return NUMERIC.has(field.type);
}
