// Pinyin initials for search (张伟 → zw). The first character is read as a surname
// (曾 → z, 单 → s). The distinct characters of all names (a few thousand) are looked up once,
// by a pinyin worker, or in the thread itself when that is a worker already (the facts worker
// builds the people index), so pinyin-pro's dictionary never loads on the UI thread and 100,000
// names take tens of milliseconds.

import type { StringColumn } from '../../../../shared/domain/facts/columns.ts';
import { BUILD_CHUNK, yieldToEventLoop, type InitialsOf } from './people-index.ts';
import type { PinyinApi, PinyinReply, PinyinRequest } from '../workers/pinyin.worker.ts';
import { RpcClient, type PortLike } from '../workers/rpc.ts';
import { initialWith } from './pinyin-initial.ts';

const HAN = /[\u3400-\u9fff]/;
const surnameCache = new Map<string, string>();
const charCache = new Map<string, string>();

/** Looks the characters up in this thread: in a worker, or where there are no workers (tests). */
export async function lookUpHere(request: PinyinRequest): Promise<PinyinReply> {
  const initial = initialWith((await import('pinyin-pro')).pinyin);
  return {
    surnames: Object.fromEntries(request.surnames.map((c) => [c, initial(c, true)])),
    chars: Object.fromEntries(request.chars.map((c) => [c, initial(c, false)])),
  };
}

async function lookUpInWorker(request: PinyinRequest): Promise<PinyinReply> {
  if (typeof Worker === 'undefined') return lookUpHere(request);
  const worker = new Worker(new URL('../workers/pinyin.worker.ts', import.meta.url), { type: 'module' });
  try {
    return await new RpcClient<PinyinApi>(worker as unknown as PortLike).call('initials', request);
  } finally {
    worker.terminate();
  }
}

/** An initials function that knows every character of these names. */
export async function loadInitials(names: StringColumn = [], lookUp: (request: PinyinRequest) => Promise<PinyinReply> = lookUpInWorker): Promise<InitialsOf> {
  const surnames = new Set<string>();
  const chars = new Set<string>();
  for (let i = 0; i < names.length; i++) {
    if (i > 0 && i % BUILD_CHUNK === 0) await yieldToEventLoop();
    const name = names[i];
    if (!name) continue;
    let first = true;
    for (const ch of name) {
      if (HAN.test(ch)) {
        if (first && !surnameCache.has(ch)) surnames.add(ch);
        if (!first && !charCache.has(ch)) chars.add(ch);
      }
      first = false;
    }
  }
  if (surnames.size || chars.size) {
    const reply = await lookUp({ surnames: [...surnames], chars: [...chars] });
    for (const [k, v] of Object.entries(reply.surnames)) surnameCache.set(k, v);
    for (const [k, v] of Object.entries(reply.chars)) charCache.set(k, v);
  }
  return (name: string) => {
    let out = '';
    let first = true;
    for (const ch of name) {
      out += (first ? surnameCache.get(ch) : charCache.get(ch)) ?? '';
      first = false;
    }
    return out;
  };
}
