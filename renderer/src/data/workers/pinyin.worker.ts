// Pinyin initials for a set of characters, off the UI thread: loading pinyin-pro's
// dictionary alone takes about 100 ms.

import { pinyin } from 'pinyin-pro';
import { initialWith } from '../facts/pinyin-initial.ts';
import { serve, type PortLike } from './rpc.ts';

export interface PinyinRequest {
  surnames: string[];
  chars: string[];
}

export type PinyinReply = { surnames: Record<string, string>; chars: Record<string, string> };

const initial = initialWith(pinyin);

const handlers = {
  initials(req: PinyinRequest): PinyinReply {
    const reply: PinyinReply = { surnames: {}, chars: {} };
    for (const ch of req.surnames) reply.surnames[ch] = initial(ch, true);
    for (const ch of req.chars) reply.chars[ch] = initial(ch, false);
    return reply;
  },
};

export type PinyinApi = typeof handlers;

serve(self as unknown as PortLike, handlers);
