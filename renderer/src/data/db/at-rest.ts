// Personal data encrypted at rest (DESIGN.md §10). A Dexie middleware seals every row of the
// tables that hold personal data before IndexedDB stores it, and opens it when it is read:
// the primary key and the indexed fields stay readable (IndexedDB needs them), everything
// else is AES-256-GCM under the database key, bound to its table and key so that rows cannot
// be swapped. Indexed fields that are themselves personal (an employee's 工号) are stored as a
// keyed hash, a "blind index", so equality lookups still work and the value is not readable.
//
// Sealing is synchronous (@noble/ciphers): an IndexedDB transaction commits as soon as it has
// no request pending at the end of a task, so waiting for WebCrypto between two requests would
// end it. The database key itself is unwrapped with WebCrypto at sign-in (records/at-rest-keys.ts)
// and held in memory only, per database name, in every JS realm that opens the database: the
// RPC helper hands it to the workers with each call.
//
// Without a key, rows are written readable (only sign-in attempts are written before anyone
// signs in, and a database made before this version has no key until an administrator signs
// in) and a sealed row cannot be read: reading one fails with atRest.locked.

import { gcm } from '@noble/ciphers/aes.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { DBCore, DBCoreCursor, DBCoreMutateRequest, DBCoreQuery, DBCoreTable, Middleware } from 'dexie';
import { equalBytes } from '../../../../shared/bundle/encoding.ts';
import { failure, FailureError } from '../../../../shared/domain/failure.ts';

/** Tables whose rows are sealed; settings and users are needed before anyone signs in. */
export const SEALED_TABLES = ['audit', 'factBatches', 'factBlocks', 'profiles', 'screeningRuns', 'pipeline', 'conflicts', 'reviewPackets', 'scoreSheets', 'trainers', 'rounds', 'derived'] as const;

/** Indexed fields that are personal data: stored as a keyed hash, looked up by equality only. */
export const BLIND_INDEXES: Partial<Record<(typeof SEALED_TABLES)[number], readonly string[]>> = {
  pipeline: ['employeeId'],
  trainers: ['employeeId'],
};

const SEALED = '$sealed';
const BLIND_PREFIX = 'h:';
const NONCE_BYTES = 12;
const FORMAT = 1;

interface KeySet {
  seal: Uint8Array;
  blind: Uint8Array;
  /** The seal key for WebCrypto, made on first use: bulk reads outside a transaction open rows with it. */
  web?: Promise<CryptoKey>;
}

const keyring = new Map<string, KeySet>();

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function subkeys(dbKey: Uint8Array): KeySet {
  return {
    seal: hkdf(sha256, dbKey, undefined, encoder.encode('xinhuo at-rest seal v1'), 32),
    blind: hkdf(sha256, dbKey, undefined, encoder.encode('xinhuo at-rest blind index v1'), 32),
  };
}

/** The raw keys this realm holds, to hand to a worker with a call. */
const rawKeys = new Map<string, Uint8Array>();
export function heldKeys(): Record<string, Uint8Array> {
  return Object.fromEntries(rawKeys);
}

/** Installs the keys a call carries: a worker holds exactly the keys its caller holds. */
export function adoptKeys(keys: Record<string, Uint8Array> | undefined): void {
  if (!keys) return;
  for (const name of [...rawKeys.keys()]) if (!(name in keys)) forgetKey(name);
  // Each call brings a fresh copy of the same key: only a different key is installed again.
  for (const [name, key] of Object.entries(keys)) {
    const held = rawKeys.get(name);
    if (!held || !equalBytes(held, key)) rememberKey(name, key);
  }
}

const waiting = new Map<string, (() => void)[]>();

/** Resolves once this realm holds the key of `dbName` (at once if it does). */
export function keyHeld(dbName: string): Promise<void> {
  if (keyring.has(dbName)) return Promise.resolve();
  return new Promise((resolve) => waiting.set(dbName, [...(waiting.get(dbName) ?? []), resolve]));
}

/** Whether this realm holds the key of `dbName` now. */
export function holdsKey(dbName: string): boolean {
  return keyring.has(dbName);
}

export function rememberKey(dbName: string, dbKey: Uint8Array): void {
  rawKeys.set(dbName, dbKey);
  keyring.set(dbName, subkeys(dbKey));
  for (const resolve of waiting.get(dbName) ?? []) resolve();
  waiting.delete(dbName);
}

export function forgetKey(dbName: string): void {
  rawKeys.delete(dbName);
  keyring.delete(dbName);
}

// --- Packing: a row's sealed part as bytes. JSON for the structure; typed-array columns (fact
// blocks' Float64Array numbers, the kept people index's UTF-16 text and codes) as raw
// little-endian bytes after it, their paths listed in a header, so that neither side walks the
// thousands of values of a column. A long array of strings (a fact block's 工号, periods and
// grades) is packed as a dictionary: its distinct values in the header and a code per value in
// the bytes (0 for null). A block of quarterly scores packs to about two thirds of its size as
// JSON, and the fresh buffers that packing, sealing and storing it allocate shrink with it.

const isLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The typed arrays a sealed row may hold; a header entry without a kind is a Float64Array (rows sealed before the others existed). */
const ARRAY_KINDS = { f64: Float64Array, i32: Int32Array, u32: Uint32Array, u16: Uint16Array } as const;
/** Dictionary-packed arrays of strings, by the width of their codes. */
const DICTIONARY_KINDS = { d16: Uint16Array, d32: Uint32Array } as const;
type ArrayKind = keyof typeof ARRAY_KINDS;
type DictionaryKind = keyof typeof DICTIONARY_KINDS;
type PackedArray = InstanceType<(typeof ARRAY_KINDS)[ArrayKind]>;
type HeaderEntry = [path: string[], length: number, kind?: ArrayKind | DictionaryKind, labels?: string[]];

/** Arrays of strings shorter than this stay in the JSON. */
const DICTIONARY_MIN = 32;

function kindOf(value: ArrayBufferView): ArrayKind | null {
  for (const [kind, type] of Object.entries(ARRAY_KINDS) as [ArrayKind, (typeof ARRAY_KINDS)[ArrayKind]][]) if (value instanceof type) return kind;
  return null;
}

interface Found {
  path: string[];
  array: PackedArray;
  kind: ArrayKind | DictionaryKind;
  labels?: string[];
}

/** An array of strings and nulls as codes and labels (code 0: null, as JSON writes a hole or undefined); null if it holds anything else. */
function dictionaryOf(values: readonly unknown[]): { codes: Uint16Array<ArrayBuffer> | Uint32Array<ArrayBuffer>; labels: string[] } | null {
  const codeOf = new Map<string, number>();
  const labels: string[] = [];
  let codes: Uint16Array<ArrayBuffer> | Uint32Array<ArrayBuffer> = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    if (typeof v !== 'string') return null;
    let code = codeOf.get(v);
    if (code === undefined) {
      code = labels.push(v);
      codeOf.set(v, code);
      if (code === 65536) codes = new Uint32Array(codes);
    }
    codes[i] = code;
  }
  return { codes, labels };
}

function findColumns(value: unknown, path: string[], out: Found[], depth: number): void {
  if (depth > 6 || value === null || typeof value !== 'object') return;
  if (ArrayBuffer.isView(value)) {
    const kind = kindOf(value);
    if (!kind) throw new Error('only Float64Array, Int32Array, Uint32Array and Uint16Array columns can be sealed');
    out.push({ path, array: value as PackedArray, kind });
    return;
  }
  if (Array.isArray(value)) {
    const dictionary = value.length >= DICTIONARY_MIN ? dictionaryOf(value) : null;
    if (dictionary) {
      out.push({ path, array: dictionary.codes, kind: dictionary.codes instanceof Uint16Array ? 'd16' : 'd32', labels: dictionary.labels });
      return;
    }
    for (let i = 0; i < value.length; i++) if (typeof value[i] === 'object' && value[i] !== null) findColumns(value[i], [...path, String(i)], out, depth + 1);
    return;
  }
  for (const k of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[k];
    if (typeof v === 'object' && v !== null) findColumns(v, [...path, k], out, depth + 1);
  }
}

/** A copy of `value` with each found column replaced by a placeholder, copying only along the paths. */
function withoutColumns(value: Record<string, unknown>, found: Found[]): Record<string, unknown> {
  if (found.length === 0) return value;
  const root: Record<string, unknown> = { ...value };
  for (const { path } of found) {
    let holder = root;
    for (let i = 0; i < path.length - 1; i++) {
      const next = holder[path[i]];
      const copy = (Array.isArray(next) ? [...next] : { ...(next as object) }) as Record<string, unknown>;
      holder[path[i]] = copy;
      holder = copy;
    }
    holder[path[path.length - 1]] = null;
  }
  return root;
}

const align8 = (n: number) => Math.ceil(n / 8) * 8;

/** Swaps each element's bytes in place: the stored order is little-endian. */
function swapBytes(bytes: Uint8Array, size: number): void {
  if (size > 1) for (let i = 0; i < bytes.length; i += size) bytes.subarray(i, i + size).reverse();
}

export function pack(value: Record<string, unknown>): Uint8Array {
  const found: Found[] = [];
  findColumns(value, [], found, 0);
  const json = encoder.encode(JSON.stringify(withoutColumns(value, found)));
  const header = encoder.encode(JSON.stringify(found.map((f): HeaderEntry => (f.labels ? [f.path, f.array.length, f.kind, f.labels] : f.kind === 'f64' ? [f.path, f.array.length] : [f.path, f.array.length, f.kind]))));
  let size = align8(8 + header.length + json.length);
  const columnsAt = size;
  for (const f of found) size += align8(f.array.byteLength);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, header.length, true);
  view.setUint32(4, json.length, true);
  out.set(header, 8);
  out.set(json, 8 + header.length);
  let at = columnsAt;
  for (const f of found) {
    const bytes = new Uint8Array(f.array.buffer, f.array.byteOffset, f.array.byteLength);
    out.set(bytes, at);
    if (!isLittleEndian) swapBytes(out.subarray(at, at + bytes.length), f.array.BYTES_PER_ELEMENT);
    at += align8(bytes.length);
  }
  return out;
}

export function unpack(bytes: Uint8Array): Record<string, unknown> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(0, true);
  const jsonLength = view.getUint32(4, true);
  const columns = JSON.parse(decoder.decode(bytes.subarray(8, 8 + headerLength))) as HeaderEntry[];
  const value = JSON.parse(decoder.decode(bytes.subarray(8 + headerLength, 8 + headerLength + jsonLength))) as Record<string, unknown>;
  let at = align8(8 + headerLength + jsonLength);
  for (const [path, length, kind = 'f64', labels] of columns) {
    const type = kind in DICTIONARY_KINDS ? DICTIONARY_KINDS[kind as DictionaryKind] : ARRAY_KINDS[kind as ArrayKind];
    if (!type || (kind in DICTIONARY_KINDS && !Array.isArray(labels))) throw new Error(`unknown column kind ${kind}`);
    const byteLength = length * type.BYTES_PER_ELEMENT;
    const slice = bytes.slice(at, at + byteLength);
    if (!isLittleEndian) swapBytes(slice, type.BYTES_PER_ELEMENT);
    let holder = value;
    for (let i = 0; i < path.length - 1; i++) holder = holder[path[i]] as Record<string, unknown>;
    const array = new type(slice.buffer, 0, length);
    holder[path[path.length - 1]] = labels ? stringsOf(array, labels) : array;
    at += align8(byteLength);
  }
  return value;
}

function stringsOf(codes: ArrayLike<number>, labels: readonly string[]): (string | null)[] {
  const out = new Array<string | null>(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    if (code > labels.length) throw new Error(`string column code ${code} of ${labels.length} labels`);
    out[i] = code === 0 ? null : labels[code - 1];
  }
  return out;
}

// --- Sealing one row.

const aad = (table: string, key: unknown) => encoder.encode(`${table}\u0000${JSON.stringify(key)}`);

export function blindValue(keys: KeySet, value: unknown): unknown {
  if (typeof value !== 'string' || value.startsWith(BLIND_PREFIX)) return value;
  const mac = hmac(sha256, keys.blind, encoder.encode(value));
  let hex = '';
  for (let i = 0; i < 16; i++) hex += mac[i].toString(16).padStart(2, '0');
  return BLIND_PREFIX + hex;
}

/** A sealed row's bytes: the format, the nonce, then the ciphertext with its tag. */
function sealedBytes(nonce: Uint8Array, sealed: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(1 + NONCE_BYTES + sealed.length);
  bytes[0] = FORMAT;
  bytes.set(nonce, 1);
  bytes.set(sealed, 1 + NONCE_BYTES);
  return bytes;
}

function seal(keys: KeySet, table: string, kept: readonly string[], blind: readonly string[], primaryKeyPath: string, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of kept) if (field in row) out[field] = blind.includes(field) ? blindValue(keys, row[field]) : row[field];
  const nonce = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  out[SEALED] = sealedBytes(nonce, gcm(keys.seal, nonce, aad(table, row[primaryKeyPath])).encrypt(pack(row)));
  return out;
}

/** The web form of the seal key, imported once per key set. */
function webKey(keys: KeySet): Promise<CryptoKey> {
  keys.web ??= crypto.subtle.importKey('raw', keys.seal as BufferSource, 'AES-GCM', false, ['encrypt', 'decrypt']);
  return keys.web;
}

/** Rows sealed ahead of their write (sealAhead): the middleware stores them as they are. */
const sealedAhead = new WeakSet<object>();
/** Records sealed ahead (sealRowsAhead) with their sealed form: the middleware writes that instead of sealing. */
const sealedFormOf = new WeakMap<object, Record<string, unknown>>();

type SealableTable = { db: { name: string }; name: string; schema: { primKey: { keyPath?: string | string[] | null }; indexes: { keyPath?: string | string[] | null }[] } };

/**
 * Seals a large row with WebCrypto before it is written, so that the UI thread does not encrypt
 * megabytes synchronously (the middleware must, inside a transaction). The same format as seal():
 * either side opens what the other sealed. Put the returned row as it is, outside any
 * transaction that waits on it.
 */
export async function sealAhead(table: SealableTable, row: Record<string, unknown>): Promise<Record<string, unknown>> {
  const keys = keyring.get(table.db.name);
  if (!keys) throw new FailureError(failure('atRest.locked', { table: table.name }));
  const primary = table.schema.primKey.keyPath;
  if (typeof primary !== 'string') throw new Error(`sealed table ${table.name} needs an inbound string key`);
  if (BLIND_INDEXES[table.name as keyof typeof BLIND_INDEXES]) throw new Error(`${table.name} has blind indexes: write it through the middleware`);
  const out: Record<string, unknown> = {};
  // The primary key and every indexed field stay readable, as seal() keeps them.
  for (const index of table.schema.indexes) for (const field of typeof index.keyPath === 'string' ? [index.keyPath] : (index.keyPath ?? [])) if (field in row) out[field] = row[field];
  out[primary] = row[primary];
  const nonce = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  out[SEALED] = sealedBytes(nonce, new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce as BufferSource, additionalData: aad(table.name, row[primary]) as BufferSource }, await webKey(keys), pack(row) as BufferSource)));
  sealedAhead.add(out);
  return out;
}

/**
 * Seals records with WebCrypto before a transaction writes them (a merge's fact blocks): the
 * transaction then only stores bytes, where sealing synchronously took most of a merge's time.
 * The records must not change before they are written; one that is not written costs nothing.
 * Tables with blind indexes, and a realm without the key, are left to the middleware.
 */
export async function sealRowsAhead(table: SealableTable, rows: readonly object[]): Promise<void> {
  if (!sealsAhead(table)) return;
  await Promise.all(
    rows.map(async (row) => {
      if (!sealedFormOf.has(row)) sealedFormOf.set(row, await sealAhead(table, row as Record<string, unknown>));
    }),
  );
}

/** Whether rows of `table` can be sealed ahead in this realm: a sealed table without blind indexes, its key held. */
function sealsAhead(table: SealableTable): boolean {
  return keyring.has(table.db.name) && !BLIND_INDEXES[table.name as keyof typeof BLIND_INDEXES] && (SEALED_TABLES as readonly string[]).includes(table.name);
}

/** Whether sealing `rows` ahead would seal any: some are not sealed yet, and the table's rows can be. */
export function unsealedAhead(table: SealableTable, rows: readonly object[]): boolean {
  return sealsAhead(table) && rows.some((row) => !sealedFormOf.has(row));
}

function sealedParts(table: string, dbName: string, primaryKeyPath: string, row: object): { keys: KeySet; bytes: Uint8Array; key: unknown } {
  const keys = keyring.get(dbName);
  if (!keys) throw new FailureError(failure('atRest.locked', { table }));
  const bytes = (row as Record<string, unknown>)[SEALED] as Uint8Array;
  if (bytes[0] !== FORMAT) throw new FailureError(failure('atRest.format', { table, format: bytes[0] }));
  return { keys, bytes, key: (row as Record<string, unknown>)[primaryKeyPath] };
}

const damaged = (table: string, key: unknown) => new FailureError(failure('atRest.damaged', { table, key: String(key) }));

function open(table: string, dbName: string, primaryKeyPath: string, row: unknown): unknown {
  if (!row || typeof row !== 'object' || !(SEALED in row)) return row;
  const { keys, bytes, key } = sealedParts(table, dbName, primaryKeyPath, row);
  try {
    return unpack(gcm(keys.seal, bytes.subarray(1, 1 + NONCE_BYTES), aad(table, key)).decrypt(bytes.subarray(1 + NONCE_BYTES)));
  } catch {
    throw damaged(table, key);
  }
}

/** The same as open(), with WebCrypto (many times faster, but asynchronous: never between two requests of a transaction). */
async function openAsync(table: string, dbName: string, primaryKeyPath: string, row: unknown, waitForKey: boolean): Promise<unknown> {
  if (!row || typeof row !== 'object' || !(SEALED in row)) return row;
  if (waitForKey) await keyHeld(dbName);
  const { keys, bytes, key } = sealedParts(table, dbName, primaryKeyPath, row);
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.subarray(1, 1 + NONCE_BYTES) as BufferSource, additionalData: aad(table, key) as BufferSource }, await webKey(keys), bytes.subarray(1 + NONCE_BYTES) as BufferSource);
  } catch {
    throw damaged(table, key);
  }
  return unpack(new Uint8Array(plain));
}

/** Rows asked for by getOpened (how many calls each): the middleware hands them over still sealed. */
const openedLater = new Map<string, number>();
const laterId = (dbName: string, table: string, key: unknown) => `${dbName}\u0000${table}\u0000${String(key)}`;

/**
 * Reads one row in a transaction of its own and opens it with WebCrypto: the fast path for
 * bulk reads (a dataset's fact blocks at start-up). Not for use inside a transaction.
 * `waitForKey`: read now, open once someone signs in (the read overlaps the password check).
 */
export async function getOpened<T>(table: { db: { name: string }; name: string; get(key: string): PromiseLike<T | undefined>; schema: { primKey: { keyPath?: string | string[] | null } } }, key: string, waitForKey = false): Promise<T | undefined> {
  const id = laterId(table.db.name, table.name, key);
  openedLater.set(id, (openedLater.get(id) ?? 0) + 1);
  let row: T | undefined;
  try {
    row = await table.get(key);
  } finally {
    const left = openedLater.get(id)! - 1;
    if (left) openedLater.set(id, left);
    else openedLater.delete(id);
  }
  return (await openAsync(table.name, table.db.name, table.schema.primKey.keyPath as string, row, waitForKey)) as T | undefined;
}

// --- The middleware.

function keyPaths(table: DBCoreTable): { primary: string; kept: string[] } {
  const primary = table.schema.primaryKey.keyPath;
  if (typeof primary !== 'string') throw new Error(`sealed table ${table.name} needs an inbound string key`);
  const kept = new Set<string>([primary]);
  for (const index of table.schema.indexes) {
    const path = index.keyPath;
    if (typeof path === 'string') kept.add(path);
    else if (Array.isArray(path)) for (const p of path) kept.add(p);
  }
  return { primary, kept: [...kept] };
}

function blindQuery(query: DBCoreQuery, blind: readonly string[], keys: KeySet | undefined, table: string): DBCoreQuery {
  const path = query.index.keyPath;
  if (typeof path !== 'string' || !blind.includes(path) || !keys) return query;
  const { range } = query;
  // DBCoreRangeType: 1 is Equal, 3 is Any (a full scan in hash order).
  if (range.type === 3) return query;
  if (range.type !== 1) throw new Error(`${table}.${path} is a blind index: look it up by equality only`);
  const value = blindValue(keys, range.lower);
  return { ...query, range: { ...range, lower: value, upper: value } };
}

function sealedTable(down: DBCoreTable, dbName: string): DBCoreTable {
  const { primary, kept } = keyPaths(down);
  const blind = BLIND_INDEXES[down.name as keyof typeof BLIND_INDEXES] ?? [];
  const openRow = (row: unknown) => open(down.name, dbName, primary, row);
  return {
    ...down,
    mutate(req: DBCoreMutateRequest) {
      if (req.type !== 'add' && req.type !== 'put') return down.mutate(req);
      const keys = keyring.get(dbName);
      if (!keys) return down.mutate(req);
      const values = req.values.map((v: Record<string, unknown>) => (sealedAhead.has(v) ? v : (sealedFormOf.get(v) ?? seal(keys, down.name, kept, blind, primary, v))));
      return down.mutate({ ...req, values } as DBCoreMutateRequest);
    },
    get: (req) => down.get(req).then((row) => (openedLater.has(laterId(dbName, down.name, req.key)) ? row : openRow(row))),
    getMany: (req) => down.getMany(req).then((rows) => rows.map(openRow)),
    query: (req) => {
      const query = blindQuery(req.query, blind, keyring.get(dbName), down.name);
      return down.query({ ...req, query }).then((res) => (req.values === false ? res : { ...res, result: res.result.map(openRow) }));
    },
    openCursor: (req) => {
      const query = blindQuery(req.query, blind, keyring.get(dbName), down.name);
      return down.openCursor({ ...req, query }).then((cursor) => (cursor && req.values !== false ? openedCursor(cursor, openRow) : cursor));
    },
    count: (req) => down.count({ ...req, query: blindQuery(req.query, blind, keyring.get(dbName), down.name) }),
  };
}

function openedCursor(cursor: DBCoreCursor, openRow: (row: unknown) => unknown): DBCoreCursor {
  return Object.create(cursor, {
    key: { get: () => cursor.key },
    primaryKey: { get: () => cursor.primaryKey },
    value: { get: () => openRow(cursor.value) },
    continue: { value: (key?: unknown) => cursor.continue(key) },
    continuePrimaryKey: { value: (key: unknown, primaryKey: unknown) => cursor.continuePrimaryKey(key, primaryKey) },
    advance: { value: (count: number) => cursor.advance(count) },
  }) as DBCoreCursor;
}

/** The middleware for a database: seals the rows of SEALED_TABLES. */
export function atRestMiddleware(dbName: string): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'atRest',
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          return (SEALED_TABLES as readonly string[]).includes(name) ? sealedTable(table, dbName) : table;
        },
      };
    },
  };
}
