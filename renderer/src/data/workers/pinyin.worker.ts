// Pinyin initials for a set of characters, off the UI thread: loading pinyin-pro's
// dictionary alone takes about 100 ms.

import { pinyin } from 'pinyin-pro';
import { initialWith } from '../facts/pinyin-initial.ts';

export interface PinyinRequest {
  surnames: string[];
  chars: string[];
}

export type PinyinReply = { surnames: Record<string, string>; chars: Record<string, string> };

const initial = initialWith(pinyin);

self.onmessage = (e: MessageEvent<PinyinRequest>) => {
  const reply: PinyinReply = { surnames: {}, chars: {} };
  for (const ch of e.data.surnames) reply.surnames[ch] = initial(ch, true);
  for (const ch of e.data.chars) reply.chars[ch] = initial(ch, false);
  (self as unknown as Worker).postMessage(reply);
};
