// Column mapping: which header feeds which field, matched by synonyms and fuzzy matching,
// each with a confidence; detection of the dataset from the headers; composed periods
// (年度 + 季度) and wide rating sheets (one column per 能力 dimension).

import { DATASET_NAMES, type DatasetName } from '../domain/facts/datasets.ts';
import { normaliseHeader, SCHEMAS } from './schemas.ts';

export type FieldSource =
  | { kind: 'column'; column: number; header: string; confidence: number }
  | { kind: 'yearPart'; yearColumn: number; partColumn: number; header: string; part: 'quarter' | 'month'; confidence: number };

export interface WideColumn {
  column: number;
  header: string;
  dimension: string;
}

export interface Mapping {
  dataset: DatasetName;
  fields: Record<string, FieldSource>;
  /** Ratings in wide form: one column per dimension, unpivoted on import. */
  wide: WideColumn[];
}

/** Every header any dataset knows, normalised: used to find the header row. */
export const KNOWN_HEADERS = new Set(Object.values(SCHEMAS).flatMap((s) => s.fields.flatMap((f) => f.keys)).concat(['年度', '年份', '季度', '月份'].map(normaliseHeader)));

function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < text.length - 1; i++) out.add(text.slice(i, i + 2));
  return out;
}

function dice(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return a === b ? 1 : 0;
  const x = bigrams(a);
  const y = bigrams(b);
  let both = 0;
  for (const g of x) if (y.has(g)) both++;
  return (2 * both) / (x.size + y.size);
}

/** Confidence that a header means a field: 1 for a synonym, less for near matches. */
export function headerConfidence(header: string, keys: readonly string[]): number {
  const h = normaliseHeader(header);
  if (!h) return 0;
  let best = 0;
  for (const k of keys) {
    if (h === k) return 1;
    if (k.length >= 2 && h.length >= 2 && (h.includes(k) || k.includes(h))) best = Math.max(best, 0.85 * Math.min(h.length, k.length) / Math.max(h.length, k.length) + 0.1);
    best = Math.max(best, dice(h, k) * 0.9);
  }
  return Math.round(best * 100) / 100;
}

export const MIN_CONFIDENCE = 0.6;

const YEAR_HEADERS = ['年度', '年份', '考核年度', 'year'].map(normaliseHeader);
const QUARTER_HEADERS = ['季度', '考核季度', 'quarter'].map(normaliseHeader);
const MONTH_HEADERS = ['月份', '月', 'month'].map(normaliseHeader);
const WIDE_RATING = /^(.+?能力)(评分|得分|分数)?$/;

export function suggestMapping(dataset: DatasetName, headers: string[]): Mapping {
  const schema = SCHEMAS[dataset];
  const candidates: { field: string; column: number; confidence: number }[] = [];
  for (const field of schema.fields) {
    headers.forEach((h, column) => {
      const confidence = headerConfidence(h, field.keys);
      if (confidence >= MIN_CONFIDENCE) candidates.push({ field: field.name, column, confidence });
    });
  }
  // Greedy by confidence; ties go to the field listed first in the schema.
  const order = new Map(schema.fields.map((f, i) => [f.name, i]));
  candidates.sort((a, b) => b.confidence - a.confidence || order.get(a.field)! - order.get(b.field)! || a.column - b.column);
  const fields: Record<string, FieldSource> = {};
  const used = new Set<number>();
  for (const c of candidates) {
    if (fields[c.field] || used.has(c.column)) continue;
    fields[c.field] = { kind: 'column', column: c.column, header: headers[c.column], confidence: c.confidence };
    used.add(c.column);
  }
  if (!fields.period && schema.fields.some((f) => f.name === 'period')) {
    const norm = headers.map(normaliseHeader);
    const year = norm.findIndex((h) => YEAR_HEADERS.includes(h));
    const quarter = norm.findIndex((h) => QUARTER_HEADERS.includes(h));
    const month = norm.findIndex((h) => MONTH_HEADERS.includes(h));
    const part = quarter >= 0 ? quarter : month;
    if (year >= 0 && part >= 0) {
      fields.period = { kind: 'yearPart', yearColumn: year, partColumn: part, header: `${headers[year]}+${headers[part]}`, part: quarter >= 0 ? 'quarter' : 'month', confidence: 1 };
      used.add(year).add(part);
    }
  }
  const wide: WideColumn[] = [];
  if (dataset === 'ratings' && !fields.dimension) {
    headers.forEach((h, column) => {
      if (used.has(column)) return;
      const m = WIDE_RATING.exec(h.normalize('NFKC').replace(/\s+/g, ''));
      if (m) wide.push({ column, header: h, dimension: m[1] });
    });
    if (wide.length > 0 && fields.score?.kind === 'column' && WIDE_RATING.test(fields.score.header)) delete fields.score;
  }
  return { dataset, fields, wide };
}

/** Required fields with no source. In wide rating sheets the columns supply dimension and score. */
export function missingRequired(mapping: Mapping): string[] {
  return SCHEMAS[mapping.dataset].fields
    .filter((f) => f.required && !mapping.fields[f.name])
    .filter((f) => !(mapping.wide.length > 0 && (f.name === 'dimension' || f.name === 'score')))
    .map((f) => f.name);
}

/** The dataset whose required fields the headers cover best. */
export function detectDataset(headers: string[]): { dataset: DatasetName; mapping: Mapping; score: number } | null {
  let best: { dataset: DatasetName; mapping: Mapping; score: number } | null = null;
  for (const dataset of DATASET_NAMES) {
    const mapping = suggestMapping(dataset, headers);
    const required = SCHEMAS[dataset].fields.filter((f) => f.required).length;
    const missing = missingRequired(mapping).length;
    const matched = Object.values(mapping.fields).reduce((s, f) => s + f.confidence, 0) + mapping.wide.length;
    // Covering every required field dominates; then how much of the sheet the dataset explains.
    const score = (required - missing) * 100 + (missing === 0 ? 1000 : 0) + matched * 10 - Object.keys(SCHEMAS[dataset].fields).length * 0.01;
    if (!best || score > best.score) best = { dataset, mapping, score };
  }
  return best && missingRequired(best.mapping).length < SCHEMAS[best.dataset].fields.filter((f) => f.required).length ? best : null;
}

/** Mapping in saved form: field → header name (composed periods as "年度+季度"). */
export function mappingToHeaders(mapping: Mapping): Record<string, string> {
  return Object.fromEntries(Object.entries(mapping.fields).map(([k, v]) => [k, v.header]));
}

/** Rebuilds a mapping from saved header names; fields whose header is gone are dropped. */
export function mappingFromHeaders(dataset: DatasetName, saved: Record<string, string>, headers: string[]): Mapping {
  const suggested = suggestMapping(dataset, headers);
  const fields: Record<string, FieldSource> = {};
  for (const [field, header] of Object.entries(saved)) {
    const column = headers.indexOf(header);
    if (column >= 0) fields[field] = { kind: 'column', column, header, confidence: 1 };
    else if (suggested.fields[field]?.header === header) fields[field] = suggested.fields[field];
  }
  return { dataset, fields, wide: suggested.wide.filter((w) => !Object.values(fields).some((f) => f.kind === 'column' && f.column === w.column)) };
}

/** Identifies a source by its headers, so its mapping can be reused next time. */
export function headerSignature(headers: string[]): string {
  return headers.map(normaliseHeader).filter(Boolean).sort().join('|');
}
