// The first letter of a character's pinyin, as search uses it; surnames read as surnames (曾 → z).

import type { pinyin as Pinyin } from 'pinyin-pro';

export function initialWith(pinyin: typeof Pinyin) {
  return (ch: string, surname: boolean) => pinyin(ch, { pattern: 'first', toneType: 'none', surname: surname ? 'head' : 'off' }).toLowerCase();
}
