// Reads untrusted spreadsheet bytes into a SheetJS workbook: format sniffing by content,
// encoding detection for text files (BOM, UTF-16 without BOM, strict UTF-8, then GB18030),
// and clear, named failures for encrypted, corrupt and unsupported files.

import * as XLSX from 'xlsx';
import { checkZip, declaresHiddenRows } from './limits.ts';
import type { IoMessageCode } from './messages.ts';

export type FileFormat = 'xlsx' | 'xls' | 'csv';
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface WorkbookRead {
  ok: true;
  workbook: XLSX.WorkBook;
  format: FileFormat;
  encoding: TextEncoding | null;
  date1904: boolean;
}

export interface ReadFailure {
  ok: false;
  code: Extract<IoMessageCode, 'unreadable' | 'encrypted' | 'unsupported' | 'corrupt' | 'empty' | 'zipTooLarge' | 'zipRatio'>;
  params: Record<string, string>;
}

const TEXT_EXTENSIONS = new Set(['csv', 'txt', 'tsv', 'prn']);
const SHEET_EXTENSIONS = new Set(['xlsx', 'xlsm', 'xls', 'et', 'ett', 'xlsb', 'ods']);

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** Detects a text file's encoding: BOM first, then UTF-16 by its zero bytes, strict UTF-8, else GB18030. */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return 'utf-8-bom';
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2) oddZeros++;
    else evenZeros++;
  }
  if (sample.length >= 4 && oddZeros > sample.length / 8 && evenZeros < oddZeros / 4) return 'utf-16le';
  if (sample.length >= 4 && evenZeros > sample.length / 8 && oddZeros < evenZeros / 4) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

export function decodeText(bytes: Uint8Array, encoding: TextEncoding): string {
  const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  // ignoreBOM false: the decoder drops a leading BOM itself.
  return new TextDecoder(label).decode(bytes);
}

function extensionOf(name: string): string {
  const m = /\.([^.]+)$/.exec(name);
  return m ? m[1].toLowerCase() : '';
}

function looksLikeText(text: string): boolean {
  const sample = text.slice(0, 4096);
  if (sample.length === 0) return true;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 9 || (c > 13 && c < 32)) && c !== 0x1b) control++;
    if (c === 0xfffd) control++;
  }
  return control / sample.length < 0.02;
}

const READ_OPTIONS: XLSX.ParsingOptions = { type: 'array', dense: true, cellNF: true, cellDates: false, cellFormula: true, cellHTML: false, cellText: true, cellStyles: false, WTF: false };
// Row properties (!rows), where hidden rows are marked, are read only with cellStyles, which
// makes SheetJS about 12 times slower: ask for them only when a sheet declares hidden rows
// (always for .xls, whose BIFF row records are not scanned here and which hold at most 65,536 rows).

/** An OLE container holding an encrypted OOXML package: a password-protected .xlsx. */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  try {
    const cfb = XLSX.CFB.read(bytes, { type: 'array' });
    return cfb.FullPaths.some((p: string) => /\/(EncryptionInfo|EncryptedPackage)$/.test(p));
  } catch {
    return false;
  }
}

/**
 * What went wrong with a workbook SheetJS could not read. Only a file that really is
 * password-protected is called so (random bytes in an OLE or zip wrapper are damaged, not
 * encrypted); the library's own words stay in `detail`, shown folded away.
 */
function classifySheetJsError(e: unknown, file: string, bytes: Uint8Array | null): ReadFailure {
  const detail = e instanceof Error ? e.message : String(e);
  if (/password-protected|password protected/i.test(detail) || (bytes && isEncryptedPackage(bytes))) return { ok: false, code: 'encrypted', params: { file } };
  return { ok: false, code: bytes ? 'corrupt' : 'unreadable', params: { file, detail } };
}

function workbookHasCells(wb: XLSX.WorkBook): boolean {
  return wb.SheetNames.some((n) => (wb.Sheets[n]?.['!data'] ?? []).some((row) => row?.some((c) => c && c.v !== undefined && c.v !== '')));
}

export function readWorkbook(bytes: Uint8Array, fileName: string, encodingOverride?: TextEncoding): WorkbookRead | ReadFailure {
  const ext = extensionOf(fileName);
  if (bytes.length === 0) return { ok: false, code: 'empty', params: { file: fileName } };
  const isZip = startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
  const isOle = startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

  if (isZip || isOle) {
    let cellStyles = isOle;
    if (isZip) {
      const zip = checkZip(bytes, fileName);
      if (!zip.ok) return { ok: false, code: zip.code, params: zip.params };
      try {
        cellStyles = declaresHiddenRows(bytes);
      } catch (e) {
        return classifySheetJsError(e, fileName, bytes);
      }
    }
    let wb: XLSX.WorkBook;
    try {
      wb = XLSX.read(bytes, { ...READ_OPTIONS, cellStyles });
    } catch (e) {
      return classifySheetJsError(e, fileName, bytes);
    }
    if (!wb.SheetNames.length) return { ok: false, code: 'unsupported', params: { file: fileName } };
    if (!workbookHasCells(wb)) return { ok: false, code: 'empty', params: { file: fileName } };
    return { ok: true, workbook: wb, format: isZip ? 'xlsx' : 'xls', encoding: null, date1904: Boolean(wb.Workbook?.WBProps?.date1904) };
  }

  if (ext && !TEXT_EXTENSIONS.has(ext) && !SHEET_EXTENSIONS.has(ext)) return { ok: false, code: 'unsupported', params: { file: fileName } };
  if (SHEET_EXTENSIONS.has(ext)) {
    // A workbook extension with neither a zip nor an OLE header: truncated, or not a workbook.
    return { ok: false, code: 'corrupt', params: { file: fileName, detail: 'not a workbook' } };
  }
  const encoding = encodingOverride ?? detectEncoding(bytes);
  let text: string;
  try {
    text = decodeText(bytes, encoding);
  } catch (e) {
    return { ok: false, code: 'unreadable', params: { file: fileName, detail: (e as Error).message } };
  }
  if (!looksLikeText(text)) return { ok: false, code: 'unsupported', params: { file: fileName } };
  if (text.trim() === '') return { ok: false, code: 'empty', params: { file: fileName } };
  try {
    // raw: keep every field as text; 000123 stays 000123 and is normalised per field later.
    const wb = XLSX.read(text, { type: 'string', raw: true, dense: true });
    return { ok: true, workbook: wb, format: 'csv', encoding, date1904: false };
  } catch (e) {
    return classifySheetJsError(e, fileName, null);
  }
}
