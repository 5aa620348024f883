// Shared set-up for the bundle tests: an organisation, enrolled plants in memory stores, and
// the edits a plant makes between bundles.
import { createOrg, type OrgSecrets } from '../../shared/bundle/keys.ts';
import { exportSync, receive, type ReceivedFile } from '../../shared/bundle/replica.ts';
import { hqReplica, plantReplica, type HqReplica, type PlantReplica } from '../../shared/bundle/setup.ts';
import { SEED_PROFILE } from '../../shared/domain/screening/profile.ts';
import type { ProfileRecord } from '../../shared/records/schemas.ts';
import { runChange, type Draft } from '../../shared/records/store.ts';

export const ORG: OrgSecrets = createOrg('华东能源集团', 'org-test');

export function profileDraft(name: string, extra: Partial<Draft<'profile'>> = {}): Draft<'profile'> {
  return { profileId: `pf-${name}`, version: 1, name, criteria: SEED_PROFILE.criteria, createdAt: '2026-11-01T00:00:00.000Z', userName: 'admin', ...extra };
}

export async function plant(code: string, name = `${code}厂`, org: OrgSecrets = ORG): Promise<PlantReplica> {
  return plantReplica(org, { code, name, region: '' });
}

export const hq = (org: OrgSecrets = ORG): Promise<HqReplica> => hqReplica(org);

export async function addProfiles(p: PlantReplica, ...names: string[]): Promise<ProfileRecord[]> {
  return runChange(p.store, p.actor, 'screening', ['profile'], (ctx) => ctx.put('profile', ...names.map((n) => profileDraft(n))));
}

export async function editProfile(p: PlantReplica, id: string, name: string): Promise<ProfileRecord> {
  return runChange(p.store, p.actor, 'screening', ['profile'], async (ctx) => {
    const current = (await ctx.get('profile', id))!;
    const [next] = await ctx.put('profile', { ...current, name });
    return next;
  });
}

export async function deleteProfile(p: PlantReplica, id: string): Promise<void> {
  await runChange(p.store, p.actor, 'screening', ['profile'], (ctx) => ctx.remove('profile', id).then(() => undefined));
}

let n = 0;
/** Exports the plant's next bundle as a named file. */
export async function exported(p: PlantReplica, options: { snapshot?: boolean } = {}): Promise<ReceivedFile> {
  const r = await exportSync(p.store, p.actor, p.keys, options);
  if (!r) throw new Error('nothing to export');
  return { name: `${++n}-${r.fileName}`, bytes: r.bytes };
}

/** Marks everything exported so far as acknowledged, as a head-office acknowledgement would. */
export async function acknowledgeAll(p: PlantReplica, h: HqReplica): Promise<void> {
  const { acknowledgement } = await import('../../shared/bundle/replica.ts');
  const ack = await acknowledgement(h.store, h.actor, h.hq, p.keys.certificate.partition);
  const report = await receive(p.store, p.actor, [{ name: ack.fileName, bytes: ack.bytes }], { org: ORG.org }, p.keys.keys.box);
  if (report.applied.length !== 1) throw new Error(`acknowledgement not applied: ${JSON.stringify(report)}`);
}

export const receiveAt = (h: HqReplica, files: ReceivedFile[], options?: Parameters<typeof receive>[6]) => receive(h.store, h.actor, files, { org: h.hq.org, revocations: h.hq.revocations }, h.hq.keys.box, Date.now, options);
