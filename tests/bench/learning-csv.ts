// Writes a GBK-encoded learning-records CSV as an online course platform exports it.
import { writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';

const COURSES = ['设备点检要点', '安全操作规程解读', '精益生产入门', '班组管理心得', '质量问题复盘', 'PLC常见报警处理', '客户投诉处理案例', '5S现场管理实践'];
const REGIONS = ['江苏省', '河北省', '山东省', '广东省', '四川省'];

export function writeLearningCsv(path: string, rows: number): number {
  const lines = ['工号,姓名,课程编号,课程名称,学习进度,完成日期,课程评分,评论,观看次数,学员地区'];
  for (let i = 0; i < rows; i++) {
    // Every learner takes each course once: (工号, 课程) is unique, as the platform's key is.
    const c = i % COURSES.length;
    const learner = Math.floor(i / COURSES.length);
    const done = i % 3 !== 0;
    lines.push([String(learner).padStart(7, '0'), `学员${learner % 997}`, `C${String(c).padStart(5, '0')}`, COURSES[c], done ? '100%' : `${(i * 7) % 100}%`, done ? `2025/${1 + (i % 12)}/${1 + (i % 28)}` : '', done ? String(3 + (i % 3)) : '', i % 11 === 0 ? '"讲得很实用，建议多出案例"' : '', String(1 + (i % 9)), REGIONS[i % REGIONS.length]].join(','));
  }
  const bytes = iconv.encode(lines.join('\r\n') + '\r\n', 'gbk');
  writeFileSync(path, bytes);
  return bytes.length;
}
