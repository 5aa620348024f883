// The sync bookkeeping an installation keeps beside its records (settings, never travelling):
// per writer lineage the highest seq applied without a gap, the bundles seen, what head
// office acknowledged, and the bundles held back.

export interface PartitionState {
  /** Writer lineages (origin ids) seen for this partition. */
  origins: string[];
  plantCode: string | null;
  plantName: string | null;
  lastBundleId: string;
  lastBundleAt: string;
  /** When the last bundle was written at the plant. */
  lastCreatedAt: string;
  bundles: number;
  /** Bundle ids applied, in order: the acknowledgement lists them. */
  applied: string[];
  rejected: { bundleId: string; reason: string }[];
  /** The plant's certificate, as it came with its bundles: acknowledgements are encrypted to it. */
  certificate: unknown;
}

export interface SyncState {
  /** Per origin: the highest seq applied without a gap. */
  highWater: Record<string, number>;
  /** Per partition received from others. */
  partitions: Record<string, PartitionState>;
  /** Plant side: per own origin, the highest seq head office acknowledged. */
  acked: Record<string, number>;
  /** Plant side: the last bundle written. */
  lastExport: { at: string; fileName: string; from: number; to: number; sha256: string; snapshot: boolean } | null;
  /** Plant side: the last acknowledgement read. */
  lastAck: { at: string; bundleId: string; createdAt: string } | null;
}

export const emptySyncState = (): SyncState => ({ highWater: {}, partitions: {}, acked: {}, lastExport: null, lastAck: null });

/** Why a bundle waits; 'interrupted': its apply stopped part-way and the next receive finishes it. */
export type HoldReason = 'gap' | 'massDelete' | 'newerSchema' | 'interrupted';

export interface HeldBundle {
  bundleId: string;
  fileName: string;
  partition: string;
  origin: string;
  from: number;
  to: number;
  reason: HoldReason;
  params: Record<string, string | number>;
  receivedAt: string;
  bytes: Uint8Array;
  /** The decision it is applied under: an officer's, or `resume` for one admitted and interrupted. */
  decision?: { applyGap?: boolean; confirmMassDelete?: boolean; resume?: boolean };
}

/**
 * The trust setup of this installation (组织与密钥). The documents are kept as they came and
 * parsed through their schemas whenever they are read (shared/bundle/trust.ts).
 */
export interface TrustState {
  /**
   * This installation's keys: raw base64 (head office's org keys, which its key backup must be
   * able to hold), or WebCrypto keys that cannot be extracted (a plant's own, where the
   * platform has Ed25519 and X25519).
   */
  keys: { sign: string; box: string } | { locked: true; sign: CryptoKey; box: CryptoKey; public: { sign: string; box: string } } | null;
  org: unknown;
  /** A plant's certificate from head office. */
  certificate: unknown;
  revocations: unknown;
  /** Head office: enrolment requests waiting for a certificate. */
  enrolments: unknown[];
  /** Head office: certificates issued. */
  issued: unknown[];
}

export const emptyTrust = (): TrustState => ({ keys: null, org: null, certificate: null, revocations: null, enrolments: [], issued: [] });
