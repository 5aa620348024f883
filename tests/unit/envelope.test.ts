import { describe, expect, it } from 'vitest';
import { decodeHlc, encodeHlc, hlcReceive, hlcTick, idForKey, newId } from '../../shared/domain/sync/envelope.ts';

describe('hybrid logical clock', () => {
  it('advances with wall time and counts within one millisecond', () => {
    const a = hlcTick({ millis: 0, counter: 0 }, 1000);
    const b = hlcTick(a, 1000);
    const c = hlcTick(b, 999); // the wall clock went backwards
    expect(a).toEqual({ millis: 1000, counter: 0 });
    expect(b).toEqual({ millis: 1000, counter: 1 });
    expect(c).toEqual({ millis: 1000, counter: 2 });
  });
  it('orders encoded clocks as strings', () => {
    const o = 'origin-1';
    const xs = [hlcTick({ millis: 5, counter: 0 }, 5), { millis: 5, counter: 10 }, { millis: 40, counter: 0 }, { millis: 1_700_000_000_000, counter: 3 }];
    const encoded = xs.map((x) => encodeHlc(x, o));
    expect([...encoded].sort()).toEqual(encoded);
    expect(decodeHlc(encoded[3])).toEqual({ millis: 1_700_000_000_000, counter: 3, origin: o });
  });
  it('merges a remote clock ahead of the local one', () => {
    expect(hlcReceive({ millis: 10, counter: 2 }, { millis: 20, counter: 5 }, 15)).toEqual({ millis: 20, counter: 6 });
    expect(hlcReceive({ millis: 20, counter: 2 }, { millis: 20, counter: 5 }, 15)).toEqual({ millis: 20, counter: 6 });
    expect(hlcReceive({ millis: 10, counter: 2 }, { millis: 5, counter: 5 }, 30)).toEqual({ millis: 30, counter: 0 });
  });
});

describe('ids', () => {
  it('makes time-ordered v7 ids and stable v5 ids for natural keys', () => {
    const a = newId();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(idForKey('employee', '000123')).toBe(idForKey('employee', '000123'));
    expect(idForKey('employee', '000123')).not.toBe(idForKey('employee', '000124'));
  });
});
