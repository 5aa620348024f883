// Pinyin initials for search (张伟 → zw). pinyin-pro is loaded on demand so it stays out of
// the start-up chunk; characters are cached, and the first character is read as a surname
// (曾 → z, 单 → s), so 100,000 names take tens of milliseconds.

import type { InitialsOf } from './people-index.ts';

export async function loadInitials(): Promise<InitialsOf> {
  const { pinyin } = await import('pinyin-pro');
  const surnames = new Map<string, string>();
  const chars = new Map<string, string>();
  const one = (cache: Map<string, string>, ch: string, surname: boolean) => {
    let v = cache.get(ch);
    if (v === undefined) {
      v = /[\u3400-\u9fff]/.test(ch) ? pinyin(ch, { pattern: 'first', toneType: 'none', surname: surname ? 'head' : 'off' }).toLowerCase() : '';
      cache.set(ch, v);
    }
    return v;
  };
  return (name: string) => {
    let out = '';
    let first = true;
    for (const ch of name) {
      out += one(first ? surnames : chars, ch, first);
      first = false;
    }
    return out;
  };
}
