// Dates and numbers as the screens show them: the same text as Intl gives, with each formatter
// made once per language (a people list formats a hire date per row); sentences answered from
// a memo that follows the language and the catalogues.
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18next from 'i18next';
import { formatDate, formatNumber, formatPercent, memoiseTranslations } from '../../renderer/src/i18n/index.ts';

afterEach(() => vi.restoreAllMocks());

describe('formatting', () => {
  it('formats ISO dates without time-zone shifts, in either language', () => {
    expect(formatDate('2024-05-01', 'zh-CN')).toBe('2024年5月1日');
    expect(formatDate('2024-05-01T23:30:00Z', 'en')).toBe('May 1, 2024');
    expect(formatDate(null, 'en')).toBe('');
    // For tables: the month abbreviated where the language has it.
    expect(formatDate('2020-09-23', 'en', 'short')).toBe('Sep 23, 2020');
    expect(formatDate('2020-09-23', 'zh-CN', 'short')).toBe('2020年9月23日');
    expect(formatPercent(0.125, 'en')).toBe('12.5%');
    expect(formatNumber(1234567, 'zh-CN')).toBe('1,234,567');
  });

  it('makes a date formatter once per language, not once per date', () => {
    const made = vi.spyOn(Intl, 'DateTimeFormat');
    for (let day = 1; day <= 20; day++) formatDate(`2019-03-${String(day).padStart(2, '0')}`, 'zh-CN');
    for (let day = 1; day <= 20; day++) formatDate(`2019-03-${String(day).padStart(2, '0')}`, 'en');
    expect(made.mock.calls.length).toBeLessThanOrEqual(2);
    expect(formatDate('2019-03-20', 'zh-CN')).toBe('2019年3月20日');
  });
});

describe('memoised translations', () => {
  async function instance() {
    const i18n = i18next.createInstance();
    await i18n.init({
      lng: 'zh-CN',
      fallbackLng: 'zh-CN',
      interpolation: { escapeValue: false },
      resources: {
        'zh-CN': { translation: { count: '候选人 {{count}} 人', title: '筛选' } },
        en: { translation: { count_one: '{{count}} candidate', count_other: '{{count}} candidates', title: 'Screening' } },
      },
    });
    // The translator is i18next's own, not in its typings: what a memo hit must not reach.
    const translate = vi.spyOn((i18n as unknown as { translator: { translate: (...args: unknown[]) => unknown } }).translator, 'translate');
    memoiseTranslations(i18n);
    return { i18n, translate };
  }

  it('answers a repeated sentence from the memo, with the same text', async () => {
    const { i18n, translate } = await instance();
    const t = i18n.getFixedT('zh-CN');
    expect(t('count', { count: 3 })).toBe('候选人 3 人');
    expect(t('count', { count: 3 })).toBe('候选人 3 人');
    expect(t('count', { count: 4 })).toBe('候选人 4 人');
    expect(translate).toHaveBeenCalledTimes(2);
  });

  it('follows a change of language and of the catalogues', async () => {
    const { i18n } = await instance();
    expect(i18n.t('title')).toBe('筛选');
    await i18n.changeLanguage('en');
    expect(i18n.t('title')).toBe('Screening');
    expect(i18n.getFixedT('en')('count', { count: 1 })).toBe('1 candidate');
    expect(i18n.getFixedT('en')('count', { count: 2 })).toBe('2 candidates');
    i18n.addResource('en', 'translation', 'title', 'Trainer screening');
    expect(i18n.t('title')).toBe('Trainer screening');
  });

  it('translates afresh when an option is not a plain value', async () => {
    const { i18n, translate } = await instance();
    const options = { count: 2, postProcess: undefined, context: { nested: true } };
    i18n.t('title', options as never);
    i18n.t('title', options as never);
    expect(translate).toHaveBeenCalledTimes(2);
  });
});
