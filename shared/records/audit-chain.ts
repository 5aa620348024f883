// The audit trail as a hash chain (tamper-evident, DESIGN.md §10): each entry an installation
// writes carries SHA-256(previous link ‖ the entry's canonical JSON), per origin, so that an
// entry edited, removed or slipped in afterwards breaks every link after it. The write path
// links entries as it appends them; the audit screen checks the chain and says where it breaks.

import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { AuditEntry } from './schemas.ts';

/** JSON with sorted keys: the one string an entry is hashed as. */
function stable(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  return `{${Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
    .join(',')}}`;
}

const encoder = new TextEncoder();

export function chainLink(previous: string, entry: Omit<AuditEntry, 'chain'>): string {
  const { chain: _chain, ...body } = entry as AuditEntry;
  return bytesToHex(sha256(encoder.encode(`${previous}\n${stable(body)}`)));
}

export interface ChainCheck {
  /** Entries of this origin that carry links. */
  checked: number;
  /** The first entry whose link does not follow from the one before, or null when the chain holds. */
  brokenAt: { id: string; seq: number; at: string } | null;
}

/** Checks one origin's chain over its entries (any order; they are put in seq order). */
export function checkChain(entries: readonly AuditEntry[], origin: string): ChainCheck {
  const own = entries.filter((e) => e.origin === origin && e.chain).sort((a, b) => a.seq - b.seq);
  let previous = '';
  for (const e of own) {
    if (chainLink(previous, e) !== e.chain) return { checked: own.length, brokenAt: { id: e.id, seq: e.seq, at: e.at } };
    previous = e.chain!;
  }
  return { checked: own.length, brokenAt: null };
}
