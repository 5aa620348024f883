// The people browser's view of the resolved roster: dictionary-encoded columns, a search
// haystack with pinyin initials, and cached sort orders, so that searching, filtering and
// sorting 100,000 employees is a single pass over arrays.

import { encodeDictionary, type ColumnSet, type Dictionary, type StringColumn } from '../../../../shared/domain/facts/columns.ts';

export type { Dictionary } from '../../../../shared/domain/facts/columns.ts';


export interface PeopleIndex {
  length: number;
  ids: StringColumn;
  names: StringColumn;
  hireDates: StringColumn;
  /** The employee page's other roster fields: the people list never needs them, the page does. */
  managerIds: StringColumn;
  leaveDates: StringColumn;
  region: Dictionary;
  plant: Dictionary;
  department: Dictionary;
  position: Dictionary;
  status: Dictionary;
  /** Lower-case "id name initials" per row, packed: searching is indexOf over one string. */
  haystack: PackedText;
  rowOf: Map<string, number>;
}

export type SortColumn = 'employeeId' | 'name' | 'plant' | 'department' | 'position' | 'status' | 'hireDate';

export interface PeopleQuery {
  text: string;
  plant: string | null;
  department: string | null;
  position: string | null;
  status: string | null;
  sort: SortColumn;
  descending: boolean;
}

export const EMPTY_LABEL = '';


export type InitialsOf = (name: string) => string;

/**
 * The strings of a column as one string, each value followed by SEPARATOR: value i starts at
 * starts[i]. Searching it is one indexOf pass instead of a call per row, and keeping it
 * (people-cache.ts) needs no split.
 */
export interface PackedText {
  text: string;
  /** length + 1 entries: the last is text.length. */
  starts: Uint32Array;
}

/** A private-use character: stripped from the values packed, so it only ever separates them. */
export const SEPARATOR = '\uE000';
/** Another, which the kept index (people-cache.ts) writes for a missing value. */
export const NULL_MARK = '\uE001';
/** Either reserved character. */
export const RESERVED = /[\uE000\uE001]/;
const RESERVED_ALL = new RegExp(RESERVED.source, 'g');

export function packText(values: readonly string[]): PackedText {
  const starts = new Uint32Array(values.length + 1);
  const parts = new Array<string>(values.length);
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    let v = values[i];
    if (RESERVED.test(v)) v = v.replace(RESERVED_ALL, '');
    starts[i] = at;
    parts[i] = v;
    at += v.length + 1;
  }
  starts[values.length] = at;
  return { text: parts.length ? parts.join(SEPARATOR) + SEPARATOR : '', starts };
}

/** The row of a position in the packed text. */
function rowAt(packed: PackedText, position: number): number {
  let lo = 0;
  let hi = packed.starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (packed.starts[mid] <= position) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Which rows contain `needle` (which holds no separator): 1 per matching row. */
export function rowsContaining(packed: PackedText, needle: string): Uint8Array {
  const rows = packed.starts.length - 1;
  const hit = new Uint8Array(Math.max(0, rows));
  for (let from = packed.text.indexOf(needle); from >= 0; ) {
    const row = rowAt(packed, from);
    // A match inside this row's value (the needle has no separator, so it cannot span two).
    hit[row] = 1;
    from = packed.text.indexOf(needle, packed.starts[row + 1]);
  }
  return hit;
}

/** Rows handled between yields to the event loop while building, so no task runs long. */
export const BUILD_CHUNK = 10_000;

/** Lets the browser run other tasks: awaiting IndexedDB alone resumes in microtasks of the same task. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function buildPeopleIndex(roster: ColumnSet, initialsOf: InitialsOf): Promise<PeopleIndex> {
  const ids = roster.columns.employeeId as StringColumn;
  const names = roster.columns.name as StringColumn;
  const haystack = new Array<string>(roster.length);
  const rowOf = new Map<string, number>();
  const dictionaries = (['plant', 'department', 'position', 'status', 'region'] as const).map((name) => ({
    column: (roster.columns[name] as StringColumn | undefined) ?? [],
    state: { map: new Map<string, number>(), dict: { codes: new Int32Array(roster.length), labels: [] as string[] } },
  }));
  for (let start = 0; start < roster.length; start += BUILD_CHUNK) {
    if (start > 0) await yieldToEventLoop();
    const end = Math.min(roster.length, start + BUILD_CHUNK);
    for (let i = start; i < end; i++) {
      const name = names[i] ?? '';
      haystack[i] = `${ids[i] ?? ''} ${name} ${initialsOf(name)}`.toLowerCase();
      if (ids[i]) rowOf.set(ids[i]!, i);
    }
    for (const d of dictionaries) encodeDictionary(d.column, start, end, d.state);
  }
  await yieldToEventLoop();
  const packed = packText(haystack);
  const [plant, department, position, status, region] = dictionaries.map((d) => d.state.dict);
  const column = (name: string) => (roster.columns[name] as StringColumn | undefined) ?? new Array<string | null>(roster.length).fill(null);
  return { length: roster.length, ids, names, hireDates: column('hireDate'), managerIds: column('managerId'), leaveDates: column('leaveDate'), region, plant, department, position, status, haystack: packed, rowOf };
}

const sortCache = new WeakMap<PeopleIndex, Map<SortColumn, Uint32Array>>();
const collator = new Intl.Collator('zh-CN', { numeric: true });

/** Row order for a column, computed once per index and column (sorting labels, not rows). */
export function sortOrder(index: PeopleIndex, column: SortColumn): Uint32Array {
  let cache = sortCache.get(index);
  if (!cache) sortCache.set(index, (cache = new Map()));
  const hit = cache.get(column);
  if (hit) return hit;
  const order = new Uint32Array(index.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const byText = (values: StringColumn, compare: (a: string, b: string) => number) => {
    order.sort((a, b) => compare(values[a] ?? '', values[b] ?? '') || a - b);
  };
  const byDictionary = (dict: Dictionary) => {
    const rank = new Uint32Array(dict.labels.length);
    dict.labels
      .map((label, code) => ({ label, code }))
      .sort((a, b) => collator.compare(a.label, b.label))
      .forEach((entry, r) => (rank[entry.code] = r));
    order.sort((a, b) => rank[dict.codes[a]] - rank[dict.codes[b]] || a - b);
  };
  const plain = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const alreadySorted = (values: StringColumn) => {
    for (let i = 1; i < values.length; i++) if ((values[i - 1] ?? '') > (values[i] ?? '')) return false;
    return true;
  };
  switch (column) {
    case 'employeeId':
      // HR exports usually list people by 工号: then the stored order is the sorted order.
      if (!alreadySorted(index.ids)) byText(index.ids, plain);
      break;
    case 'hireDate':
      byText(index.hireDates, plain);
      break;
    case 'name':
      byText(index.names, collator.compare);
      break;
    default:
      byDictionary(index[column]);
  }
  cache.set(column, order);
  return order;
}

function codeOf(dict: Dictionary, label: string | null): number {
  return label === null ? -1 : dict.labels.indexOf(label);
}

/** Rows matching the query, in the requested order. */
export function queryPeople(index: PeopleIndex, q: PeopleQuery): Uint32Array {
  const order = sortOrder(index, q.sort);
  const needle = q.text.normalize('NFKC').trim().toLowerCase();
  const filters: [Dictionary, number][] = [];
  for (const [dict, label] of [[index.plant, q.plant], [index.department, q.department], [index.position, q.position], [index.status, q.status]] as const) {
    if (label === null) continue;
    const code = codeOf(dict, label);
    if (code < 0) return new Uint32Array(0);
    filters.push([dict, code]);
  }
  const hit = needle && !needle.includes(SEPARATOR) ? rowsContaining(index.haystack, needle) : null;
  if (needle && !hit) return new Uint32Array(0);
  const out = new Uint32Array(index.length);
  let n = 0;
  for (let k = 0; k < order.length; k++) {
    const row = q.descending ? order[order.length - 1 - k] : order[k];
    let ok = true;
    for (const [dict, code] of filters) {
      if (dict.codes[row] !== code) {
        ok = false;
        break;
      }
    }
    if (ok && hit && !hit[row]) ok = false;
    if (ok) out[n++] = row;
  }
  return out.slice(0, n);
}

/** Department by employee id, from a resolved roster. */
export function departmentLookup(roster: ColumnSet): (employeeId: string) => string | null {
  const ids = roster.columns.employeeId as StringColumn;
  const departments = roster.columns.department as StringColumn;
  const byId = new Map<string, string | null>();
  for (let i = 0; i < roster.length; i++) if (ids[i] !== null) byId.set(ids[i]!, departments[i] ?? null);
  return (id) => byId.get(id) ?? null;
}
