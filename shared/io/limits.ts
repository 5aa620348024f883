// Limits for untrusted files (DESIGN.md §10), checked before anything is inflated or parsed:
// a workbook is a zip, and a 1.5 MB zip can expand to gigabytes. The zip's central directory
// is read first (fflate lists entries without inflating them when its filter declines each
// one); a file whose entries would expand past the total or past the compression ratio of
// any real spreadsheet is refused, naming the file and the limit.

import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import type { ValueType } from '../domain/facts/datasets.ts';

export const LIMITS = {
  /** Bytes the entries of one workbook may expand to, in total. */
  uncompressedBytes: 1024 * 1024 * 1024,
  /** Largest compression ratio for an entry big enough to matter. XML compresses ~5–30:1. */
  ratio: 200,
  /** Entries smaller than this are not held to the ratio (a tiny, very repetitive part is harmless). */
  ratioFloorBytes: 8 * 1024 * 1024,
  /** Columns a sheet may have; wider sheets are refused before any header is matched. */
  columns: 1000,
  /** Rows a sheet may have: Excel's own maximum. */
  rows: 1_048_576,
} as const;

/** The longest text a cell may hold, per field type; a 10 MB "name" is refused. */
export const CELL_LIMITS: Record<ValueType, number> = {
  id: 64,
  text: 2000,
  date: 64,
  period: 64,
  number: 64,
  percent: 64,
  status: 64,
  grade: 64,
  role: 64,
  list: 4000,
};

export interface ZipEntryInfo {
  name: string;
  compressed: number;
  uncompressed: number;
}

export type ZipCheck = { ok: true; entries: ZipEntryInfo[] } | { ok: false; code: 'zipTooLarge' | 'zipRatio' | 'corrupt'; params: Record<string, string> };

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** Reads the zip's directory (no entry is inflated) and checks the declared sizes. */
export function checkZip(bytes: Uint8Array, file: string): ZipCheck {
  const entries: ZipEntryInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        entries.push({ name: f.name, compressed: f.size, uncompressed: f.originalSize });
        return false;
      },
    });
  } catch (e) {
    return { ok: false, code: 'corrupt', params: { file, detail: e instanceof Error ? e.message : String(e) } };
  }
  let total = 0;
  for (const e of entries) {
    total += e.uncompressed;
    if (e.uncompressed >= LIMITS.ratioFloorBytes && e.uncompressed > LIMITS.ratio * Math.max(1, e.compressed)) {
      return { ok: false, code: 'zipRatio', params: { file, entry: e.name, ratio: String(Math.round(e.uncompressed / Math.max(1, e.compressed))), limit: String(LIMITS.ratio) } };
    }
  }
  if (total > LIMITS.uncompressedBytes) return { ok: false, code: 'zipTooLarge', params: { file, size: mib(total), limit: mib(LIMITS.uncompressedBytes) } };
  return { ok: true, entries };
}

const HIDDEN = [...'hidden="'].map((c) => c.charCodeAt(0));
const ROW = [...'<row'].map((c) => c.charCodeAt(0));

/**
 * True when a worksheet's XML marks a row hidden (<row … hidden="1">). Reading row
 * properties makes SheetJS an order of magnitude slower (cellStyles), so it is asked for only
 * when a sheet declares hidden rows. Only worksheet parts are inflated, after checkZip.
 */
export function declaresHiddenRows(bytes: Uint8Array): boolean {
  let found = false;
  // Streamed, so that a large sheet's XML is never held whole; stops at the first hidden row.
  const unzip = new Unzip((file) => {
    if (found || !/^xl\/worksheets\/[^/]+\.xml$/i.test(file.name)) return;
    let tail = new Uint8Array(0);
    file.ondata = (err, chunk) => {
      if (err) throw err;
      if (found) return;
      const buf = new Uint8Array(tail.length + chunk.length);
      buf.set(tail);
      buf.set(chunk, tail.length);
      if (hasHiddenRow(buf)) {
        found = true;
        file.terminate();
        return;
      }
      // A row tag cut by the chunk boundary is seen whole in the next pass.
      tail = buf.slice(Math.max(0, buf.length - 512));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.push(bytes, true);
  return found;
}

function matchesAt(data: Uint8Array, at: number, pattern: number[]): boolean {
  for (let k = 0; k < pattern.length; k++) if (data[at + k] !== pattern[k]) return false;
  return true;
}

/** Scans XML bytes for hidden="1" or hidden="true" inside a <row …> start tag. */
export function hasHiddenRow(data: Uint8Array): boolean {
  const h = HIDDEN[0];
  for (let i = data.indexOf(h); i >= 0; i = data.indexOf(h, i + 1)) {
    if (!matchesAt(data, i, HIDDEN)) continue;
    const v = data[i + HIDDEN.length];
    if (v !== 0x31 && v !== 0x74) continue; // '1' or 't'
    // Walk back to the tag's '<' and check that it is a row.
    let j = i;
    while (j > 0 && data[j] !== 0x3c && data[j] !== 0x3e) j--;
    if (data[j] === 0x3c && matchesAt(data, j, ROW)) return true;
  }
  return false;
}
