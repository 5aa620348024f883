// The people list's index, kept between sessions. Building it is most of start-up: every roster
// block decrypted, parsed and resolved, then the search text with pinyin initials and the
// dictionaries — 2 s for head office's 250,000 employees. It changes only when the roster's live
// batches do, so it is kept in the sealed `derived` table, packed as one UTF-16 array per text
// column and a code array per dictionary: reading it back is one WebCrypto decrypt, a copy and a
// split per list column. A signature of the batches it was built from says whether it still holds.

import type { XinhuoDb } from '../db/db.ts';
import { getOpened, holdsKey, sealAhead } from '../db/at-rest.ts';
import type { DerivedRow, FactBatchRecord } from '../db/types.ts';
import { NULL_MARK, RESERVED, SEPARATOR, yieldToEventLoop, type Dictionary, type PeopleIndex } from './people-index.ts';

/** Bump when the index or its packing changes: a kept index of another format is rebuilt. */
const FORMAT = 1;
const ROW_ID = 'peopleIndex';
// A roster whose values hold a reserved character is never kept (packPeopleIndex says null).

const TEXT_COLUMNS = ['ids', 'names', 'hireDates', 'managerIds', 'leaveDates'] as const;
const DICTIONARIES = ['plant', 'department', 'position', 'status', 'region'] as const;

/** Text is kept as UTF-16 code units: reading it back is a copy, not a decode and a parse. */
export interface PackedPeople extends DerivedRow {
  length: number;
  text: Record<(typeof TEXT_COLUMNS)[number], Uint16Array>;
  haystack: { text: Uint16Array; starts: Uint32Array };
  dictionaries: Record<(typeof DICTIONARIES)[number], { labels: string[]; codes: Int32Array }>;
}

const utf16 = new TextDecoder(new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'utf-16le' : 'utf-16be', { ignoreBOM: true });

function codeUnits(text: string): Uint16Array {
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/**
 * What the index is built from: the app's version (search initials may change with it), this
 * installation's partition (head office scopes other plants' keys) and each live roster batch.
 * Batches never change once written: an undo makes a tombstone, which leaves the live set.
 */
export function peopleSignature(rosterBatches: readonly FactBatchRecord[], ownPartition: string | null): string {
  const batches = rosterBatches.map((b) => `${b.id}:${b.order}:${b.blockCount}`).sort();
  return [FORMAT, __APP_VERSION__, ownPartition ?? '', ...batches].join('|');
}

/** The index packed for keeping, or null when a value holds a reserved character or a lone surrogate. */
export function packPeopleIndex(index: PeopleIndex, signature: string): PackedPeople | null {
  const text = {} as PackedPeople['text'];
  for (const name of TEXT_COLUMNS) {
    const values = index[name] as readonly (string | null)[];
    const parts = new Array<string>(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === null || v === undefined) parts[i] = NULL_MARK;
      // A lone surrogate would not survive UTF-16 decoding: such a roster is not kept.
      else if (RESERVED.test(v) || !v.isWellFormed()) return null;
      else parts[i] = v;
    }
    text[name] = codeUnits(parts.join(SEPARATOR));
  }
  const dictionaries = {} as PackedPeople['dictionaries'];
  for (const name of DICTIONARIES) dictionaries[name] = { labels: index[name].labels, codes: index[name].codes };
  if (!index.haystack.text.isWellFormed()) return null;
  return { id: ROW_ID, signature, length: index.length, text, haystack: { text: codeUnits(index.haystack.text), starts: index.haystack.starts }, dictionaries };
}

function split(packed: Uint16Array, length: number): (string | null)[] {
  if (length === 0) return [];
  const values: (string | null)[] = utf16.decode(packed).split(SEPARATOR);
  if (values.length !== length) throw new Error(`kept people index: ${values.length} values for ${length} rows`);
  for (let i = 0; i < values.length; i++) if (values[i] === NULL_MARK) values[i] = null;
  return values;
}

/**
 * The index from its kept form. The list's own columns are split at once; the employee page's
 * (manager, leave date) and the lookup by 工号 are made on first use, so start-up does not pay
 * for them.
 */
export async function unpackPeopleIndex(row: PackedPeople): Promise<PeopleIndex> {
  const n = row.length;
  // Each column in a task of its own: at 100,000 employees one takes about 30 ms.
  const ids = split(row.text.ids, n);
  await yieldToEventLoop();
  const names = split(row.text.names, n);
  await yieldToEventLoop();
  const hireDates = split(row.text.hireDates, n);
  await yieldToEventLoop();
  const { starts } = row.haystack;
  const haystack = utf16.decode(row.haystack.text);
  if (starts.length !== n + 1 || starts[n] !== haystack.length) throw new Error('kept people index: the search text does not match its rows');
  const dict = (name: (typeof DICTIONARIES)[number]): Dictionary => {
    const d = row.dictionaries[name];
    if (d.codes.length !== n) throw new Error(`kept people index: ${name} has ${d.codes.length} codes for ${n} rows`);
    return { labels: d.labels, codes: d.codes };
  };
  const later = <T>(make: () => T): (() => T) => {
    let value: T | undefined;
    return () => (value ??= make());
  };
  const managerIds = later(() => split(row.text.managerIds, n));
  const leaveDates = later(() => split(row.text.leaveDates, n));
  const rowOf = later(() => {
    const map = new Map<string, number>();
    for (let i = 0; i < n; i++) if (ids[i]) map.set(ids[i]!, i);
    return map;
  });
  return {
    length: n,
    ids,
    names,
    hireDates,
    get managerIds() {
      return managerIds();
    },
    get leaveDates() {
      return leaveDates();
    },
    get rowOf() {
      return rowOf();
    },
    haystack: { text: haystack, starts },
    plant: dict('plant'),
    department: dict('department'),
    position: dict('position'),
    status: dict('status'),
    region: dict('region'),
  };
}

/** The kept index as stored, read now and opened once the key is held (`waitForKey`); null if there is none or it cannot be read. */
export async function readPeopleCache(db: XinhuoDb, waitForKey = false): Promise<PackedPeople | null> {
  try {
    return ((await getOpened<DerivedRow>(db.derived, ROW_ID, waitForKey)) as PackedPeople | undefined) ?? null;
  } catch (e) {
    // Kept data is only a shortcut: anything wrong with it means building afresh.
    console.warn('kept people index not read', e);
    return null;
  }
}

/** The kept index if it was built from exactly what `signature` describes, else null. */
export async function keptIndex(row: PackedPeople | null, signature: string): Promise<PeopleIndex | null> {
  if (!row || row.signature !== signature) return null;
  try {
    return await unpackPeopleIndex(row);
  } catch (e) {
    console.warn('kept people index not used', e);
    return null;
  }
}

/**
 * Keeps a packed index (null: one that cannot be kept, whose old row goes), sealed with WebCrypto
 * off the thread. Once this resolves the packed arrays are no longer read and may be handed on;
 * `written` is the write itself. Only while the database key is held: nothing personal is
 * written readable.
 */
export async function keepPacked(db: XinhuoDb, packed: PackedPeople | null): Promise<{ written: Promise<boolean> }> {
  if (!holdsKey(db.name)) return { written: Promise.resolve(false) };
  if (!packed) return { written: db.derived.delete(ROW_ID).then(() => false) };
  const sealed = (await sealAhead(db.derived, packed)) as DerivedRow;
  return { written: db.derived.put(sealed).then(() => true) };
}

/** Keeps the index; true once written. */
export async function writePeopleCache(db: XinhuoDb, index: PeopleIndex, signature: string): Promise<boolean> {
  return (await keepPacked(db, packPeopleIndex(index, signature))).written;
}

/** The buffers of a packed index, each once: handed to the page instead of copied. */
export function packedBuffers(packed: PackedPeople): ArrayBuffer[] {
  const arrays = [...Object.values(packed.text), packed.haystack.text, packed.haystack.starts, ...Object.values(packed.dictionaries).map((d) => d.codes)];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}
