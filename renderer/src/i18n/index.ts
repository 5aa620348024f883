// i18next set-up and locale-aware formatting. zh-CN is the default; English is switchable.

import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { FailureError } from '../../../shared/domain/failure.ts';
import { failureText } from '../../../shared/domain/messages.ts';
import { SEED_PROFILE } from '../../../shared/domain/screening/profile.ts';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

export type Language = 'zh-CN' | 'en';
export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];

/** Each language by its own name, as the language choice and the audit log show it. */
export const LANGUAGE_NAMES: Record<Language, string> = { 'zh-CN': '简体中文', en: 'English' };

/**
 * A profile's name as stored on a run, an entry or an audit entry, for the reader: the built-in
 * profile's Chinese name reads in English for an English reader; any other name is the
 * officer's own and stays as typed.
 */
export function profileName(name: string, t: (key: string) => string): string {
  return name === SEED_PROFILE.name ? t('profiles.seedName') : name;
}

/** Items of a list joined as the reader's language joins them (甲、乙 / A, B). */
export function joinList(items: readonly string[], t: (key: string) => string): string {
  return items.join(t('common.listSeparator'));
}

/** The shared catalogue merged with each feature's namespaces. */
export function catalogues(features: readonly { 'zh-CN': Record<string, unknown>; en: Record<string, unknown> }[]) {
  return {
    'zh-CN': { translation: Object.assign({}, zhCN, ...features.map((f) => f['zh-CN'])) },
    en: { translation: Object.assign({}, en, ...features.map((f) => f.en)) },
  };
}

export function initI18n(language: Language, features: readonly { 'zh-CN': Record<string, unknown>; en: Record<string, unknown> }[] = []): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: catalogues(features),
    lng: language,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  document.documentElement.lang = language;
  memoiseTranslations(i18next);
  return i18next;
}

const MEMO_LIMIT = 20_000;
const memoised = new WeakSet<typeof i18next>();

/**
 * A translation is a pure function of the language, the catalogues, the key and its options,
 * and i18next spends far longer working one out than a lookup takes: a slider step renders
 * dozens of the same sentences with the same counts. `t` answers from a memo, per key and
 * options (primitive values only; anything else is translated afresh), emptied whenever the
 * catalogues change, and bounded. An instance is wrapped once, however often it is set up.
 */
export function memoiseTranslations(instance: typeof i18next): void {
  if (memoised.has(instance)) return;
  memoised.add(instance);
  const translate = instance.t.bind(instance) as unknown as (...args: unknown[]) => unknown;
  const memo = new Map<string, unknown>();
  const forget = () => memo.clear();
  instance.on('languageChanged', forget);
  instance.store.on('added', forget);
  instance.store.on('removed', forget);
  const lookUp = (...args: unknown[]): unknown => {
    const [key, options] = args;
    if (args.length > 2 || !(typeof key === 'string' || isPrimitiveList(key)) || !(options === undefined || isPrimitiveRecord(options))) return translate(...args);
    const id = `${instance.language}\u0000${typeof key === 'string' ? key : JSON.stringify(key)}\u0000${options === undefined ? '' : JSON.stringify(options)}`;
    if (memo.has(id)) return memo.get(id);
    const text = translate(...args);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(id, text);
    return text;
  };
  instance.t = lookUp as unknown as typeof instance.t;
}

const isPrimitive = (v: unknown) => v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
const isPrimitiveList = (v: unknown) => Array.isArray(v) && v.every(isPrimitive);
function isPrimitiveRecord(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  for (const x of Object.values(v)) if (!isPrimitive(x) && !isPrimitiveList(x)) return false;
  return true;
}

export function setLanguage(language: Language): void {
  void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

// Making an Intl formatter costs far more than using one (a people list row formats its hire
// date): each is made once per language and options, and kept.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function formatterFor<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F {
  let f = formatters.get(key) as F | undefined;
  if (!f) formatters.set(key, (f = make()));
  return f;
}

/** 2024年5月1日 in zh-CN, May 1, 2024 in English, from an ISO date without time-zone shifts. */
/** A calendar date (YYYY-MM-DD) in the reader's language; `short`: the month abbreviated where the language has it (Aug 12, 2021), for tables. */
export function formatDate(iso: string | null | undefined, language: Language, month: 'long' | 'short' = 'long'): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return formatterFor(`date|${language}|${month}`, () => new Intl.DateTimeFormat(language, { year: 'numeric', month, day: 'numeric', timeZone: 'UTC' })).format(new Date(Date.UTC(y, m - 1, d)));
}

export function formatDateTime(iso: string, language: Language): string {
  return formatterFor(`dateTime|${language}`, () => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' })).format(new Date(iso));
}

export function formatNumber(value: number, language: Language, options?: Intl.NumberFormatOptions): string {
  return formatterFor(`number|${language}|${JSON.stringify(options ?? {})}`, () => new Intl.NumberFormat(language, options)).format(value);
}

export function formatPercent(value: number, language: Language): string {
  return formatterFor(`percent|${language}`, () => new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 })).format(value);
}

/**
 * The sentence for an expected failure of the shared catalogue (a refused record, a write
 * this account may not make), in the reader's language; null for anything else.
 */
export function sharedFailureText(e: unknown, language: Language): string | null {
  return e instanceof FailureError ? failureText(e.failure, language === 'en' ? 'en' : 'zh') : null;
}
