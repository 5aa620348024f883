// Reads untrusted spreadsheet bytes into a SheetJS workbook: format sniffing by content,
// encoding detection for text files (BOM, UTF-16 without BOM, strict UTF-8, then GB18030),
// and clear, named failures for encrypted, corrupt and unsupported files.

import * as XLSX from 'xlsx';
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
  code: Extract<IoMessageCode, 'unreadable' | 'encrypted' | 'unsupported' | 'corrupt' | 'empty'>;
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

const READ_OPTIONS: XLSX.ParsingOptions = { type: 'array', dense: true, cellNF: true, cellDates: false, cellFormula: true, cellHTML: false, cellText: true, cellStyles: true, WTF: false };
// cellStyles: row properties (!rows), where hidden rows are marked, are only read with it.

function classifySheetJsError(e: unknown, file: string): ReadFailure {
  const detail = e instanceof Error ? e.message : String(e);
  if (/password|encrypt|ecma-376|rc4|agile/i.test(detail)) return { ok: false, code: 'encrypted', params: { file } };
  if (/unsupported|not a spreadsheet|cannot find|zip|end of central|corrupt|invalid|bad|unexpected|truncat|length/i.test(detail)) return { ok: false, code: 'corrupt', params: { file, detail } };
  return { ok: false, code: 'unreadable', params: { file, detail } };
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
    let wb: XLSX.WorkBook;
    try {
      wb = XLSX.read(bytes, { ...READ_OPTIONS });
    } catch (e) {
      return classifySheetJsError(e, fileName);
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
    return classifySheetJsError(e, fileName);
  }
}
