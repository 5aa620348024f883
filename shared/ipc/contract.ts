// The preload contract: every channel between the renderer and the main process, with the
// zod schema of its request and the type of its reply. The preload exposes one function per
// channel; main validates the sender and the payload of every call against this file.

import { z } from 'zod';
import type { ApiName, Channel } from './channels.ts';

export { API_NAMES, CHANNELS, type Channel } from './channels.ts';

export type IpcError = { code: 'invalid-payload' | 'forbidden-sender' | 'cancelled' | 'io-error' | 'not-allowed'; message: string };
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

const fileFilter = z.object({
  name: z.string().min(1).max(100),
  extensions: z.array(z.string().regex(/^[a-z0-9*]{1,10}$/i)).min(1).max(20),
});

/** Largest file a renderer may hand to main for saving: a 100k-row workbook is far below it. */
export const MAX_SAVE_BYTES = 512 * 1024 * 1024;

/** Largest secret main seals for the renderer: a wrapped key is 48 bytes. */
export const MAX_SECRET_BYTES = 1024;

export const requestSchemas = {
  'files:open': z.object({
    title: z.string().max(200).optional(),
    filters: z.array(fileFilter).max(10).default([]),
    multiple: z.boolean().default(false),
  }).strict(),
  'files:save': z.object({
    suggestedName: z.string().min(1).max(255).refine((n) => !/[\\/]/.test(n) && n !== '.' && n !== '..', 'a file name, not a path'),
    bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'bytes must be a Uint8Array').refine((b) => b.byteLength <= MAX_SAVE_BYTES, 'file too large'),
    filters: z.array(fileFilter).max(10).default([]),
  }).strict(),
  'files:reveal': z.object({ path: z.string().min(1).max(4096) }).strict(),
  'app:info': z.undefined(),
  /** Bundles (.xhb) the operating system opened Xinhuo with, since the last call. */
  'bundles:pending': z.undefined(),
  'backup:status': z.undefined(),
  'backup:chooseFolder': z.undefined(),
  /** Writes a backup into the folder the administrator chose (never a path the renderer names), keeping the newest `keep`. */
  'backup:write': z.object({
    fileName: z.string().min(1).max(255).regex(/^[^\\/]+_备份\.xhb$/, 'a backup file name'),
    bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'bytes must be a Uint8Array').refine((b) => b.byteLength <= MAX_SAVE_BYTES, 'file too large'),
    keep: z.number().int().min(1).max(365),
  }).strict(),
  /** Seals a small secret (a wrapped database key) to this operating-system user (Electron safeStorage). */
  'secrets:seal': z.object({ bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'bytes must be a Uint8Array').refine((b) => b.byteLength > 0 && b.byteLength <= MAX_SECRET_BYTES, 'a small secret') }).strict(),
  /** The calling window's process memory and its budget: the workers of a window run inside its process. */
  'system:memory': z.undefined(),
  'secrets:open': z.object({ bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'bytes must be a Uint8Array').refine((b) => b.byteLength > 0 && b.byteLength <= MAX_SECRET_BYTES * 4, 'a sealed secret') }).strict(),
} as const;

export interface BackupStatus {
  folder: string | null;
  lastWrittenAt: string | null;
  keep: number;
}


export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
}

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  versions: { electron: string; chrome: string; node: string };
}

export interface Replies {
  'files:open': OpenedFile[];
  'files:save': { path: string } | null;
  'files:reveal': true;
  'app:info': AppInfo;
  'bundles:pending': OpenedFile[];
  'backup:status': BackupStatus;
  'backup:chooseFolder': BackupStatus | null;
  'backup:write': { path: string; pruned: string[] };
  /** null when the operating system offers no secret store (e.g. Linux without a keyring). */
  'secrets:seal': Uint8Array | null;
  'secrets:open': Uint8Array;
  /** null when the process is not among the app's (it has just been replaced). */
  'system:memory': ProcessMemory | null;
}

export interface ProcessMemory {
  /** The process's working set. */
  usedMb: number;
  /** What a window may use while a worker parses or merges: beyond it the work is stopped. */
  budgetMb: number;
}

export type Request<C extends Channel> = z.input<(typeof requestSchemas)[C]>;
export type ParsedRequest<C extends Channel> = z.output<(typeof requestSchemas)[C]>;

/** The object the preload puts on `window.xinhuo`: one function per channel. */
export type PreloadApi = {
  [C in Channel as ApiName<C>]: Request<C> extends undefined ? () => Promise<IpcResult<Replies[C]>> : (request: Request<C>) => Promise<IpcResult<Replies[C]>>;
};
