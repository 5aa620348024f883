// Replicas for the CLI, the demo series, the bench and tests: a plant or head office set up
// in a memory record store, with its keys, the way the app sets one up.

import { memoryInstallation, type MemoryRecordStore } from '../records/memory-store.ts';
import type { Actor, Installation } from '../records/schemas.ts';
import { createEnrolment, issueCertificate, newSecretKeys, type OrgSecrets, type PlantIdentity, type SecretKeys } from './keys.ts';
import type { OrgKeys, PlantKeys } from './replica.ts';

export interface PlantReplica {
  store: MemoryRecordStore;
  actor: Actor;
  /** Raw keys: a replica in memory is for the CLI, the demo series and tests. */
  keys: PlantKeys & { keys: SecretKeys };
  installation: Installation;
}

export interface HqReplica {
  store: MemoryRecordStore;
  actor: Actor;
  hq: OrgKeys;
  installation: Installation;
}

/** A plant that has enrolled: head office signed its certificate. */
export async function plantReplica(org: OrgSecrets, plant: PlantIdentity, originId: string = crypto.randomUUID(), now = new Date()): Promise<PlantReplica> {
  const installation: Installation = { orgName: org.org.orgName, role: 'plant', plant, originId, createdAt: now.toISOString() };
  const { store, actor } = await memoryInstallation(installation);
  const keys = newSecretKeys();
  const certificate = issueCertificate(org, await createEnrolment(org.org.orgId, originId, plant, keys, now), now);
  return { store, actor, installation, keys: { org: org.org, certificate, keys } };
}

export async function hqReplica(org: OrgSecrets, originId: string = crypto.randomUUID(), now = new Date()): Promise<HqReplica> {
  const installation: Installation = { orgName: org.org.orgName, role: 'hq', plant: null, originId, createdAt: now.toISOString() };
  const { store, actor } = await memoryInstallation(installation);
  return { store, actor, installation, hq: { org: org.org, keys: org.keys, revocations: org.org.revocations } };
}
