// Bytes and text for files that travel: base64, hex, UTF-8, and canonical JSON (keys sorted,
// no whitespace) so that a signature or a digest covers one exact byte string. Columnar fact
// blocks hold Float64Arrays; in JSON they travel as {"$f64": base64 of the little-endian
// IEEE-754 bytes}, which keeps NaN (no value) and every bit of every number.

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export const utf8 = (text: string): Uint8Array => encoder.encode(text);
export const fromUtf8 = (bytes: Uint8Array): string => decoder.decode(bytes);

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(out);
}

export function fromBase64(text: string): Uint8Array {
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

export const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

const isLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function float64ToBase64(values: Float64Array): string {
  const copy = new Float64Array(values);
  const bytes = new Uint8Array(copy.buffer);
  if (!isLittleEndian) for (let i = 0; i < bytes.length; i += 8) bytes.subarray(i, i + 8).reverse();
  return toBase64(bytes);
}

function base64ToFloat64(text: string): Float64Array {
  const bytes = fromBase64(text);
  if (bytes.length % 8 !== 0) throw new Error('a $f64 column is not a whole number of 8-byte values');
  if (!isLittleEndian) for (let i = 0; i < bytes.length; i += 8) bytes.subarray(i, i + 8).reverse();
  return new Float64Array(bytes.buffer, bytes.byteOffset, bytes.length / 8);
}

/** JSON with sorted keys and typed columns encoded; the one form that is signed and hashed. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonical JSON cannot hold a non-finite number outside a $f64 column');
    return value === undefined ? 'null' : JSON.stringify(value);
  }
  if (value instanceof Float64Array) return `{"$f64":${JSON.stringify(float64ToBase64(value))}}`;
  if (ArrayBuffer.isView(value)) throw new Error('only Float64Array columns can be written');
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

/** Parses JSON written by canonicalJson, turning {"$f64": …} back into Float64Arrays. */
export function parseTravelJson(text: string): unknown {
  const value: unknown = JSON.parse(text);
  // A reviver would be called for every value (each string of a string column); only columnar
  // blocks hold typed columns, so the parsed tree is walked afterwards, only where objects are.
  return text.includes('"$f64"') ? withColumns(value, 0) : value;
}

function withColumns(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object' || depth > 32) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (v !== null && typeof v === 'object') value[i] = withColumns(v, depth + 1);
    }
    return value;
  }
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === '$f64' && typeof (value as { $f64: unknown }).$f64 === 'string') return base64ToFloat64((value as { $f64: string }).$f64);
  for (const k of keys) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== null && typeof v === 'object') (value as Record<string, unknown>)[k] = withColumns(v, depth + 1);
  }
  return value;
}
