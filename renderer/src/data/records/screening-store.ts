// Saved screening profiles (versioned: a saved edit is a new version, old versions stay) and
// saved runs, so that a decision can be explained months later.

import { profileSchema, SEED_PROFILE, type Profile } from '../../../../shared/domain/screening/profile.ts';
import type { ScreeningReport } from '../../../../shared/domain/screening/report.ts';
import { sentDownByHq } from '../../../../shared/records/store.ts';
import { change } from './change.ts';
import { getInstallation } from './installation.ts';
import type { XinhuoDb } from '../db/db.ts';
import type { Actor, ProfileRecord, ScreeningRunRecord } from '../db/types.ts';

const sameCriteria = (a: Profile['criteria'], b: Profile['criteria']) => JSON.stringify(a) === JSON.stringify(b);

/** The latest version of every saved profile. */
export async function latestProfiles(db: XinhuoDb): Promise<(Profile & { fromHq: boolean })[]> {
  const all = await db.profiles.toArray();
  const installation = await getInstallation(db);
  const latest = new Map<string, ProfileRecord>();
  for (const p of all) if (!p.deleted && (latest.get(p.profileId)?.version ?? 0) < p.version) latest.set(p.profileId, p);
  // At a plant, profiles head office sent down are marked 总部下发: read-only here.
  return [...latest.values()].map((p) => ({ id: p.profileId, name: p.name, version: p.version, criteria: p.criteria, fromHq: sentDownByHq(installation, p.partition) }));
}

/** Saves the profile as a new version when it differs from the latest one; returns the saved profile. */
export async function saveProfile(db: XinhuoDb, actor: Actor, profile: Profile): Promise<Profile> {
  const valid = profileSchema.parse(profile);
  return change(db, actor, 'screening', ['profile'], async (ctx) => {
    let versions = await ctx.byIndex('profile', 'profileId', valid.id);
    // A profile head office sent down is read-only here: a change to it becomes this plant's own profile.
    if (versions.some((v) => v.partition !== ctx.partition)) {
      const own = `${valid.id}.${ctx.installation.plant?.code ?? 'local'}`;
      const mine = await ctx.byIndex('profile', 'profileId', own);
      const latestHq = versions.sort((a, b) => b.version - a.version)[0];
      if (latestHq.name === valid.name && sameCriteria(latestHq.criteria, valid.criteria)) return { ...valid, version: latestHq.version };
      valid.id = own;
      versions = mine;
    }
    const latest = versions.sort((a, b) => b.version - a.version)[0];
    // The built-in seed is version 1 of 'seed' without being stored.
    if (!latest && valid.id === SEED_PROFILE.id && valid.name === SEED_PROFILE.name && sameCriteria(valid.criteria, SEED_PROFILE.criteria)) return { ...valid, version: 1 };
    if (latest && latest.name === valid.name && sameCriteria(latest.criteria, valid.criteria)) return { ...valid, version: latest.version };
    const version = (latest?.version ?? (valid.id === 'seed' ? 1 : 0)) + 1;
    await ctx.put('profile', { profileId: valid.id, version, name: valid.name, criteria: valid.criteria, createdAt: new Date().toISOString(), userName: actor.userName });
    ctx.audit('screening.profile', 'profile', valid.id, { name: valid.name, version });
    return { ...valid, version };
  });
}

/** Saves a run with every candidate and near-miss: `report` must hold the whole lists. */
export async function saveRun(db: XinhuoDb, actor: Actor, profile: Profile, report: ScreeningReport, batches: string[]): Promise<ScreeningRunRecord> {
  if (report.candidates.length !== report.candidateCount || report.nearMisses.length !== report.nearMissCount) throw new Error('a run is saved from the full result lists, not a page of them');
  const saved = await saveProfile(db, actor, profile);
  return change(db, actor, 'screening', ['screeningRun'], async (ctx) => {
    const [run] = await ctx.put('screeningRun', {
      profileId: saved.id,
      profileVersion: saved.version,
      profileName: saved.name,
      profile: saved,
      asOf: report.asOf,
      batches: [...batches].sort(),
      population: report.population,
      candidates: report.candidates.map((r) => ({ employeeId: r.employeeId, name: r.name, department: r.department, criteria: r.criteria.map((c) => ({ id: c.id, passed: c.passed, value: c.value })) })),
      nearMisses: report.nearMisses.map((r) => ({ employeeId: r.employeeId, name: r.name, department: r.department, failed: r.failed ?? [] })),
      excludedCount: report.excludedCount,
      createdAt: new Date().toISOString(),
      userName: actor.userName,
    });
    ctx.audit('screening.run', 'screeningRun', run.id, { name: saved.name, version: saved.version, asOf: report.asOf, candidates: run.candidates.length, nearMisses: run.nearMisses.length });
    return run;
  });
}
