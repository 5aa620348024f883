// The sync envelope every record and block carries (DESIGN.md §4), and the hybrid logical
// clock that orders writes across installations.

import { v7 as uuidv7, v5 as uuidv5 } from 'uuid';

export interface Envelope {
  /** UUIDv7, or UUIDv5 of a natural key. */
  id: string;
  /** Owner partition: `plant:<code>`, `hq`, `review:<packet>:<reviewer>`. */
  partition: string;
  /** Installation id of the writer. */
  origin: string;
  /** Per-origin write counter. */
  seq: number;
  /** Hybrid logical clock, encoded so that string order is clock order. */
  hlc: string;
  deleted: boolean;
}

export const newId = (): string => uuidv7();

/** Namespace for deterministic ids of natural keys. */
const XINHUO_NAMESPACE = '6f1c2a4e-8b7d-5c3a-9e0f-1a2b3c4d5e6f';
export const idForKey = (...parts: string[]): string => uuidv5(parts.join('\u001f'), XINHUO_NAMESPACE);

export interface HlcState {
  millis: number;
  counter: number;
}

/** Advance the clock for a local event. */
export function hlcTick(prev: HlcState, now: number): HlcState {
  return now > prev.millis ? { millis: now, counter: 0 } : { millis: prev.millis, counter: prev.counter + 1 };
}

/** Merge a remote clock reading into the local one. */
export function hlcReceive(local: HlcState, remote: HlcState, now: number): HlcState {
  const millis = Math.max(local.millis, remote.millis, now);
  let counter = 0;
  if (millis === local.millis && millis === remote.millis) counter = Math.max(local.counter, remote.counter) + 1;
  else if (millis === local.millis) counter = local.counter + 1;
  else if (millis === remote.millis) counter = remote.counter + 1;
  return { millis, counter };
}

export function encodeHlc(state: HlcState, origin: string): string {
  return `${state.millis.toString(36).padStart(11, '0')}-${state.counter.toString(36).padStart(5, '0')}-${origin}`;
}

export function decodeHlc(text: string): HlcState & { origin: string } {
  const [m, c, ...rest] = text.split('-');
  return { millis: parseInt(m, 36), counter: parseInt(c, 36), origin: rest.join('-') };
}
